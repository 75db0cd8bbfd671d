// Test data for the sequence specs: one three-step sequence started at T0, and builders around it.
import { addDays, isoOf } from '../shared/time.js';
import type { EngagementType, RecordEngagement, RecordEmailSent, StartSequence } from './commands.js';
import { event, type EmailSent, type SequenceStarted, type StepSnapshot } from './events.js';

export const T0 = '2025-01-06T09:00:00.000Z';
/** T0 plus `days` (fractions allowed), in the canonical ISO form. */
export const day = (days: number): string => isoOf(addDays(Date.parse(T0), days));

export const THREE_STEPS: StepSnapshot[] = [
  { step: 1, delayDays: 0, subjectTemplate: '{{first_name|Hi}}, quick question', bodyTemplate: 'Hello' },
  { step: 2, delayDays: 3, subjectTemplate: 'Following up', bodyTemplate: 'Any thoughts?' },
  { step: 3, delayDays: 7, subjectTemplate: 'Last note', bodyTemplate: 'Bye for now' },
];

export const startCommand = (overrides: Partial<StartSequence['data']> = {}): StartSequence => ({
  type: 'StartSequence',
  data: {
    sequenceId: 7,
    leadExtId: 'lead_7',
    email: 'ana@example.com',
    firstName: 'Ana',
    leadFields: { first_name: 'Ana', company: 'Acme' },
    templateId: 1,
    templateName: 'default_cold_lead_nurturing',
    steps: THREE_STEPS,
    declaredTotalSteps: 3,
    baseScore: 30,
    now: T0,
    ...overrides,
  },
});

export const started = (overrides: Partial<SequenceStarted['data']> = {}): SequenceStarted =>
  event<SequenceStarted>('SequenceStarted', {
    sequenceId: 7,
    leadExtId: 'lead_7',
    email: 'ana@example.com',
    firstName: 'Ana',
    leadFields: { first_name: 'Ana', company: 'Acme' },
    templateId: 1,
    templateName: 'default_cold_lead_nurturing',
    steps: THREE_STEPS,
    declaredTotalSteps: 3,
    baseScore: 30,
    firstSendAt: T0,
    occurredAt: T0,
    ...overrides,
  });

export const sendCommand = (step: number, atDay: number): RecordEmailSent => ({
  type: 'RecordEmailSent',
  data: { step, emailEventId: `e${step}`, providerMessageId: `m${step}`, subject: `s${step}`, dryRun: false, now: day(atDay) },
});

export const sent = (step: number, atDay: number, nextSendAt: string | null): EmailSent =>
  event<EmailSent>('EmailSent', {
    step,
    emailEventId: `e${step}`,
    providerMessageId: `m${step}`,
    subject: `s${step}`,
    dryRun: false,
    nextSendAt,
    occurredAt: day(atDay),
  });

export const engage = (
  engagementType: EngagementType,
  providerEventId: string,
  atDay: number,
  extra: Partial<RecordEngagement['data']> = {},
): RecordEngagement => ({
  type: 'RecordEngagement',
  data: {
    engagementType,
    providerEventId,
    step: 1,
    occurredAt: day(atDay),
    minScoreToQualify: 50,
    now: day(atDay),
    ...extra,
  },
});
