// The `Sequence` aggregate's state, rebuilt by folding its events (`evolve`); never stored itself.
import type { EngagementEvent, PauseReason, SequenceEvent, StepSnapshot, StopReason } from './events.js';
import { failureAfter } from './send-failure.js';
import { engagementScore, totalScore } from './scoring.js';

export type SequenceStatus = 'none' | 'active' | 'paused' | 'completed' | 'stopped' | 'qualified';

export interface EngagementTally {
  delivered: number;
  /** Opens that score: machine (privacy-proxy) opens are excluded. */
  opens: number;
  machineOpens: number;
  clicks: number;
  replies: number;
  /** Hard and soft. */
  bounces: number;
}

export interface SendFailure {
  step: number;
  error: string;
  attempts: number;
  at: string;
  /** The last failure was a refusal for good (a 4xx other than 408/429). */
  permanent: boolean;
  /** Failed runs of this step in a row (since the last successful send). */
  failures: number;
  /** Of those, the permanent ones; at `max_send_failures` the sequence stops. */
  permanentFailures: number;
}

/** A step claimed by a sender whose outcome is not recorded yet. */
export interface Reservation {
  step: number;
  emailEventId: string;
  runId: string;
  reservedAt: string;
}

export interface SequenceState {
  status: SequenceStatus;
  sequenceId: number | null;
  leadExtId: string | null;
  email: string | null;
  firstName: string | null;
  leadFields: Readonly<Record<string, string | null>>;
  templateId: number | null;
  templateName: string | null;
  steps: readonly StepSnapshot[];
  /** `steps.length`: the steps present are the truth, whatever the template declared. */
  totalSteps: number;
  declaredTotalSteps: number;
  /** The template's default for a missing field, as snapshotted at start (null: none). */
  defaultFallback: string | null;
  /** The last step sent; 0 before the first send. */
  currentStep: number;
  nextSendAt: string | null;
  startedAt: string | null;
  lastSentAt: string | null;
  /** When each step's email was sent: index step - 1, null for a step not sent. */
  sentAtByStep: readonly (string | null)[];
  /** Latest non-machine open, click or reply. */
  lastEngagementAt: string | null;
  resumedAt: string | null;
  baseScore: number | null;
  /** The template's `stop_on_reply`, snapshotted at start; null = the service's setting. */
  stopOnReply: boolean | null;
  counts: EngagementTally;
  engagementScore: number;
  totalScore: number;
  /** Provider event ids already recorded, in arrival order (an array so the state is plain JSON);
   * bounded by engagement-bounds.ts. */
  seenProviderEventIds: readonly string[];
  /** Engagement facts recorded, by event type (see engagement-bounds.ts). */
  factsByType: Readonly<Partial<Record<EngagementEvent['type'], number>>>;
  lastSendFailure: SendFailure | null;
  reservation: Reservation | null;
  unsubscribed: boolean;
  complained: boolean;
  qualifiedAt: string | null;
  completedAt: string | null;
  pausedAt: string | null;
  pauseReason: PauseReason | null;
  stoppedAt: string | null;
  stopReason: StopReason | null;
}

export const initialState: SequenceState = {
  status: 'none',
  sequenceId: null,
  leadExtId: null,
  email: null,
  firstName: null,
  leadFields: {},
  templateId: null,
  templateName: null,
  steps: [],
  totalSteps: 0,
  declaredTotalSteps: 0,
  defaultFallback: null,
  currentStep: 0,
  nextSendAt: null,
  startedAt: null,
  lastSentAt: null,
  sentAtByStep: [],
  lastEngagementAt: null,
  resumedAt: null,
  baseScore: null,
  stopOnReply: null,
  counts: { delivered: 0, opens: 0, machineOpens: 0, clicks: 0, replies: 0, bounces: 0 },
  engagementScore: 0,
  totalScore: 0,
  seenProviderEventIds: [],
  factsByType: {},
  lastSendFailure: null,
  reservation: null,
  unsubscribed: false,
  complained: false,
  qualifiedAt: null,
  completedAt: null,
  pausedAt: null,
  pauseReason: null,
  stoppedAt: null,
  stopReason: null,
};

/** Records an engagement fact: remembers its id and re-derives the scores from the new counts. */
function engaged(
  state: SequenceState,
  fact: EngagementEvent,
  counts: Partial<EngagementTally>,
  engagementAt: string | null,
): SequenceState {
  const tally = { ...state.counts, ...counts };
  const engagement = engagementScore(tally);
  return {
    ...state,
    counts: tally,
    engagementScore: engagement,
    totalScore: totalScore(state.baseScore, engagement),
    seenProviderEventIds: [...state.seenProviderEventIds, fact.data.providerEventId],
    factsByType: { ...state.factsByType, [fact.type]: (state.factsByType[fact.type] ?? 0) + 1 },
    lastEngagementAt: engagementAt === null ? state.lastEngagementAt : later(state.lastEngagementAt, engagementAt),
  };
}

// Engagement can be reported out of order; keep the latest instant. Instants in events are in
// the canonical form (YYYY-MM-DDTHH:mm:ss.sssZ), which sorts as text; others are parsed.
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const later = (a: string | null, b: string): string => {
  if (a === null) return b;
  if (CANONICAL.test(a) && CANONICAL.test(b)) return a >= b ? a : b;
  return Date.parse(a) >= Date.parse(b) ? a : b;
};

const withSentAt = (sentAt: readonly (string | null)[], step: number, at: string): (string | null)[] =>
  Array.from({ length: Math.max(sentAt.length, step) }, (_, i) => (i === step - 1 ? at : (sentAt[i] ?? null)));

/** When the email of `step` was sent, or null if it was not. */
export const sentAtOf = (state: SequenceState, step: number): string | null => state.sentAtByStep[step - 1] ?? null;

export function evolve(state: SequenceState, event: SequenceEvent): SequenceState {
  const { counts } = state;
  switch (event.type) {
    case 'SequenceStarted': {
      const d = event.data;
      return {
        ...initialState,
        status: 'active',
        sequenceId: d.sequenceId,
        leadExtId: d.leadExtId,
        email: d.email,
        firstName: d.firstName,
        leadFields: d.leadFields,
        templateId: d.templateId,
        templateName: d.templateName,
        steps: d.steps,
        totalSteps: d.steps.length,
        declaredTotalSteps: d.declaredTotalSteps,
        defaultFallback: d.defaultFallback ?? null,
        nextSendAt: d.firstSendAt,
        startedAt: d.occurredAt,
        baseScore: d.baseScore,
        stopOnReply: d.stopOnReply ?? null,
        totalScore: totalScore(d.baseScore, 0),
      };
    }
    case 'EmailSendReserved': {
      const { step, emailEventId, runId, occurredAt } = event.data;
      return { ...state, reservation: { step, emailEventId, runId, reservedAt: occurredAt } };
    }
    case 'EmailSent':
      return {
        ...state,
        currentStep: event.data.step,
        nextSendAt: event.data.nextSendAt,
        lastSentAt: event.data.occurredAt,
        sentAtByStep: withSentAt(state.sentAtByStep, event.data.step, event.data.occurredAt),
        lastSendFailure: null,
        reservation: null,
      };
    case 'EmailSendFailed': {
      const { occurredAt: at, nextAttemptAt, ...failed } = event.data;
      return {
        ...state,
        lastSendFailure: failureAfter(state.lastSendFailure, { ...failed, at }),
        reservation: null,
        // The backoff: the step is not due again before then (older events had none).
        nextSendAt: nextAttemptAt ?? state.nextSendAt,
      };
    }
    case 'EmailDelivered':
      return engaged(state, event, { delivered: counts.delivered + 1 }, null);
    case 'EmailOpened':
      return event.data.machineOpen
        ? engaged(state, event, { machineOpens: counts.machineOpens + 1 }, null)
        : engaged(state, event, { opens: counts.opens + 1 }, event.data.occurredAt);
    case 'EmailClicked':
      return engaged(state, event, { clicks: counts.clicks + 1 }, event.data.occurredAt);
    case 'EmailReplied':
      return engaged(state, event, { replies: counts.replies + 1 }, event.data.occurredAt);
    case 'EmailBounced':
      return engaged(state, event, { bounces: counts.bounces + 1 }, null);
    case 'LeadUnsubscribed':
      return { ...engaged(state, event, {}, null), unsubscribed: true };
    case 'SpamComplained':
      return { ...engaged(state, event, {}, null), complained: true };
    case 'LeadQualified':
      return { ...state, status: 'qualified', qualifiedAt: event.data.occurredAt, nextSendAt: null };
    case 'SequencePaused':
      return { ...state, status: 'paused', pausedAt: event.data.occurredAt, pauseReason: event.data.reason };
    case 'SequenceResumed':
      return {
        ...state,
        status: 'active',
        nextSendAt: event.data.nextSendAt,
        resumedAt: event.data.occurredAt,
        pausedAt: null,
        pauseReason: null,
      };
    case 'SequenceCompleted':
      return { ...state, status: 'completed', completedAt: event.data.occurredAt, nextSendAt: null };
    case 'SequenceStopped':
      return {
        ...state,
        status: 'stopped',
        stoppedAt: event.data.occurredAt,
        stopReason: event.data.reason,
        nextSendAt: null,
      };
    default: {
      const unknown: never = event;
      throw new Error(`unknown sequence event ${JSON.stringify(unknown)}`);
    }
  }
}

export const replay = (events: readonly SequenceEvent[]): SequenceState => events.reduce(evolve, initialState);

/** Active, with a step left to send whose time has come. */
export function isDue(state: SequenceState, now: string): boolean {
  return (
    state.status === 'active' &&
    state.nextSendAt !== null &&
    Date.parse(state.nextSendAt) <= Date.parse(now) &&
    state.currentStep < state.totalSteps
  );
}

