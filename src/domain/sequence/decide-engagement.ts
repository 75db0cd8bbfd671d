// RecordEngagement: records the provider's fact once, then its consequences (stop or qualify).
import { ValidationError } from '../shared/errors.js';
import { MAX_RECORDED_EVENT_ID_LENGTH, MAX_URL_LENGTH, tooLong } from '../shared/input-limits.js';
import { instant, isoOf } from '../shared/time.js';
import type { RecordEngagement } from './commands.js';
import {
  event,
  type EmailBounced,
  type EmailClicked,
  type EmailDelivered,
  type EmailOpened,
  type EmailReplied,
  type EngagementEvent,
  type LeadUnsubscribed,
  type SequenceEvent,
  type SequenceStopped,
  type SpamComplained,
  type StopReason,
} from './events.js';
import { detailsProblem } from './engagement-details.js';
import { type EngagementTime, engagementTime } from './engagement-time.js';
import { isOverFactBound } from './engagement-bounds.js';
import { requireStatus, requireText } from './guards.js';
import { qualification } from './qualification.js';
import { evolve, sentAtOf, type SequenceState } from './state.js';

type EngagementInput = RecordEngagement['data'];

/** A fact that does not say which email it is about belongs to the last one sent, if any. */
const stepOf = (d: EngagementInput, state: SequenceState): number | null => d.step ?? (state.currentStep > 0 ? state.currentStep : null);

/** The fact's time (see engagement-time.ts): never beyond the time received (plus skew), never
 * before its email was sent (or, for an email not sent or not named, the sequence's start). */
function timeOf(d: EngagementInput, now: number, state: SequenceState): EngagementTime {
  const step = stepOf(d, state);
  const notBefore = (step === null ? null : sentAtOf(state, step)) ?? state.startedAt;
  return engagementTime(instant(d.occurredAt, 'occurredAt'), now, notBefore === null ? null : Date.parse(notBefore));
}

function engagementEvent(d: EngagementInput, time: EngagementTime, state: SequenceState): EngagementEvent {
  const base: EngagementEvent['data'] = { providerEventId: d.providerEventId, step: stepOf(d, state), occurredAt: time.occurredAt };
  if (time.claimedOccurredAt !== undefined) base.claimedOccurredAt = time.claimedOccurredAt;
  if (d.details !== undefined && Object.keys(d.details).length > 0) base.details = d.details;
  switch (d.engagementType) {
    case 'delivered':
      return event<EmailDelivered>('EmailDelivered', base);
    case 'opened':
      return event<EmailOpened>('EmailOpened', { ...base, machineOpen: d.machineOpen ?? false });
    case 'clicked':
      return event<EmailClicked>('EmailClicked', { ...base, url: d.url ?? null });
    case 'replied':
      return event<EmailReplied>('EmailReplied', base);
    case 'bounced':
      return event<EmailBounced>('EmailBounced', { ...base, bounceKind: d.bounceKind ?? 'hard' });
    case 'unsubscribed':
      return event<LeadUnsubscribed>('LeadUnsubscribed', base);
    case 'complained':
      return event<SpamComplained>('SpamComplained', base);
    default: {
      const unknown: never = d.engagementType;
      throw new ValidationError('engagementType', `unknown engagement type ${JSON.stringify(unknown)}`);
    }
  }
}

function stopReasonFor(fact: EngagementEvent): StopReason | null {
  if (fact.type === 'EmailBounced') return fact.data.bounceKind === 'hard' ? 'bounced' : null;
  if (fact.type === 'LeadUnsubscribed') return 'unsubscribed';
  if (fact.type === 'SpamComplained') return 'complained';
  return null;
}

/** Engagement that shows interest: machine opens, deliveries and bounces never do. */
export function isRealEngagement(fact: EngagementEvent): boolean {
  if (fact.type === 'EmailOpened') return !fact.data.machineOpen;
  return fact.type === 'EmailClicked' || fact.type === 'EmailReplied';
}

/** The template's `stop_on_reply` wins; where it says nothing, the service's setting (default off,
 * the specification's scoring, where a second reply is worth more). */
const stopsOnReply = (state: SequenceState, d: EngagementInput): boolean => state.stopOnReply ?? d.stopOnReply ?? false;

function validate(d: EngagementInput, state: SequenceState): void {
  requireText(d.providerEventId, 'providerEventId');
  if (d.providerEventId.length > MAX_RECORDED_EVENT_ID_LENGTH) throw new ValidationError('providerEventId', tooLong(MAX_RECORDED_EVENT_ID_LENGTH));
  if (typeof d.url === 'string' && d.url.length > MAX_URL_LENGTH) throw new ValidationError('url', tooLong(MAX_URL_LENGTH));
  const stepInRange = Number.isInteger(d.step) && (d.step as number) >= 1 && (d.step as number) <= state.totalSteps;
  if (d.step !== null && !stepInRange) {
    throw new ValidationError('step', `must be null or a step of this sequence (1..${state.totalSteps})`);
  }
  if (d.bounceKind !== undefined && d.bounceKind !== 'hard' && d.bounceKind !== 'soft') {
    throw new ValidationError('bounceKind', 'must be "hard" or "soft"');
  }
  if (typeof d.minScoreToQualify !== 'number' || !Number.isFinite(d.minScoreToQualify)) {
    throw new ValidationError('minScoreToQualify', 'must be a number');
  }
  if (d.details !== undefined) {
    if (typeof d.details !== 'object' || d.details === null || Array.isArray(d.details)) throw new ValidationError('details', 'must be an object');
    const problem = detailsProblem(d.details);
    if (problem !== null) throw new ValidationError('details', problem);
  }
}

export function decideEngagement(command: RecordEngagement, state: SequenceState): SequenceEvent[] {
  return recordEngagement(command, state).events;
}

/** The decision and the state it leads to, each event evolved once: for callers that decide
 * several facts of one sequence in a row (the webhooks), the fact's state is needed anyway to
 * judge qualification. `state` is `events.reduce(evolve, before)`. */
export function recordEngagement({ data: d }: RecordEngagement, state: SequenceState): { events: SequenceEvent[]; state: SequenceState } {
  requireStatus(state, ['active', 'paused', 'completed', 'stopped', 'qualified'], 'record engagement');
  validate(d, state);
  instant(d.occurredAt, 'occurredAt');
  const nowMs = instant(d.now, 'now');
  const now = isoOf(nowMs);
  if (state.seenProviderEventIds.includes(d.providerEventId)) return { events: [], state };

  const fact = engagementEvent(d, timeOf(d, nowMs, state), state);
  const stopReason = stopReasonFor(fact);
  const stopsSequence = stopReason !== null && (state.status === 'active' || state.status === 'paused');
  if (!stopsSequence && isOverFactBound(state, fact.type)) return { events: [], state };
  const afterFact = evolve(state, fact);
  if (stopReason !== null) {
    // Terminal statuses just record the fact; the suppression list is fed from the fact itself.
    if (state.status !== 'active' && state.status !== 'paused') return { events: [fact], state: afterFact };
    const stopped = event<SequenceStopped>('SequenceStopped', { reason: stopReason, occurredAt: now });
    return { events: [fact, stopped], state: evolve(afterFact, stopped) };
  }
  if (!isRealEngagement(fact)) return { events: [fact], state: afterFact };
  const scored = fact as EmailOpened | EmailClicked | EmailReplied;
  scored.data.engagementScore = afterFact.engagementScore;
  scored.data.totalScore = afterFact.totalScore;
  const qualified = qualification(afterFact, d.minScoreToQualify, now);
  if (qualified.length > 0) return { events: [fact, ...qualified], state: qualified.reduce(evolve, afterFact) };
  if (fact.type === 'EmailReplied' && stopsOnReply(state, d) && (state.status === 'active' || state.status === 'paused')) {
    const stopped = event<SequenceStopped>('SequenceStopped', { reason: 'replied', occurredAt: now });
    return { events: [fact, stopped], state: evolve(afterFact, stopped) };
  }
  return { events: [fact], state: afterFact };
}
