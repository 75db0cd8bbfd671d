// Events of the `Sequence` aggregate: past-tense facts, plain JSON data (no classes), so they
// round-trip through the event store unchanged. Stream: `nurturing_sequence-<sequenceId>`.
// Each event carries `schemaVersion` so later shapes can be upcast on read.

export const SEQUENCE_STREAM_PREFIX = 'nurturing_sequence-';
export const sequenceStreamId = (sequenceId: number): string => `${SEQUENCE_STREAM_PREFIX}${sequenceId}`;

/** One step of a template, snapshotted into the sequence when it starts. */
export interface StepSnapshot {
  step: number;
  delayDays: number;
  subjectTemplate: string;
  bodyTemplate: string;
}

export type PauseReason = 'inactive' | 'manual';
/** bounced, unsubscribed, complained: the recipient said no (the address is suppressed);
 * suppressed: the address was already on the suppression list when a step fell due;
 * replied: the lead replied and the sequence stops on reply (`stop_on_reply`); manual: an operator;
 * send_failed: the step's email was refused for good (`max_send_failures` permanent failures). */
export type StopReason = 'bounced' | 'unsubscribed' | 'complained' | 'suppressed' | 'replied' | 'manual' | 'send_failed';
export type BounceKind = 'hard' | 'soft';
export type EngagementKind = 'delivered' | 'opened' | 'clicked' | 'replied' | 'bounced';

interface Event<Type extends string, Data> {
  type: Type;
  schemaVersion: number;
  data: Data;
}

export type SequenceStarted = Event<
  'SequenceStarted',
  {
    sequenceId: number;
    leadExtId: string;
    email: string;
    firstName: string | null;
    /** Lead fields available to templates (`{{company}}` etc.), captured at start. */
    leadFields: Record<string, string | null>;
    templateId: number | null;
    templateName: string;
    steps: StepSnapshot[];
    /** Declared `total_steps` of the template; `steps.length` is the truth. */
    declaredTotalSteps: number;
    /** Snapshot of the template's `default_fallback` (what a missing field renders as); absent in
     * events written before it existed, and when the template has none: both mean null. */
    defaultFallback?: string | null;
    /** The lead's score at start (null counts as 0). */
    baseScore: number | null;
    /** The template's `stop_on_reply` (null or absent: the service's setting decides). */
    stopOnReply?: boolean | null;
    firstSendAt: string;
    occurredAt: string;
  }
>;

/** The step is claimed for one sender (run) before its email is POSTed: the per-step
 * reservation that makes sending effectively-once. */
export type EmailSendReserved = Event<
  'EmailSendReserved',
  {
    step: number;
    emailEventId: string;
    /** The run (sender) that holds the reservation. */
    runId: string;
    /** The run whose reservation this one takes over after it died, if any. */
    takenOverFrom: string | null;
    occurredAt: string;
  }
>;

export type EmailSent = Event<
  'EmailSent',
  {
    step: number;
    emailEventId: string;
    providerMessageId: string | null;
    subject: string;
    dryRun: boolean;
    /** When the next step is due; null after the last step. */
    nextSendAt: string | null;
    occurredAt: string;
  }
>;

export type EmailSendFailed = Event<
  'EmailSendFailed',
  {
    step: number;
    emailEventId: string;
    error: string;
    attempts: number;
    /** The provider refused the email for good (a 4xx other than 408/429); absent in older events. */
    permanent?: boolean;
    /** Failed runs of this step in a row, this one included; absent in older events. */
    failures?: number;
    /** When the step may be tried again (backoff across runs); absent when it stops or in older events. */
    nextAttemptAt?: string;
    occurredAt: string;
  }
>;

interface EngagementData {
  /** The provider's (or API poller's) id for this fact; a repeated id is a no-op. */
  providerEventId: string;
  /** The step whose email was engaged with, when known. */
  step: number | null;
  occurredAt: string;
  /** The reporter's instant when it was not believable (in the future beyond the allowed clock
   * skew, or before the email was sent) and `occurredAt` holds the nearest believable one. */
  claimedOccurredAt?: string;
  /** What the reporter said beside the fact (the webhook's `metadata`), bounded. */
  details?: Record<string, unknown>;
}

/** The sequence's scores once a fact that scores (an open by a person, a click, a reply) counts,
 * so the read side shows them as recorded. Absent in facts recorded before the events carried them. */
interface Scored {
  engagementScore?: number;
  totalScore?: number;
}

export type EmailDelivered = Event<'EmailDelivered', EngagementData>;
export type EmailOpened = Event<'EmailOpened', EngagementData & Scored & { machineOpen: boolean }>;
export type EmailClicked = Event<'EmailClicked', EngagementData & Scored & { url: string | null }>;
export type EmailReplied = Event<'EmailReplied', EngagementData & Scored>;
export type EmailBounced = Event<'EmailBounced', EngagementData & { bounceKind: BounceKind }>;
export type LeadUnsubscribed = Event<'LeadUnsubscribed', EngagementData>;
export type SpamComplained = Event<'SpamComplained', EngagementData>;

export type LeadQualified = Event<
  'LeadQualified',
  { score: number; engagementScore: number; reason: string; occurredAt: string }
>;

export type SequencePaused = Event<'SequencePaused', { reason: PauseReason; occurredAt: string }>;
export type SequenceResumed = Event<'SequenceResumed', { nextSendAt: string | null; occurredAt: string }>;
export type SequenceCompleted = Event<'SequenceCompleted', { occurredAt: string }>;
export type SequenceStopped = Event<'SequenceStopped', { reason: StopReason; occurredAt: string }>;

export type EngagementEvent =
  | EmailDelivered
  | EmailOpened
  | EmailClicked
  | EmailReplied
  | EmailBounced
  | LeadUnsubscribed
  | SpamComplained;

export type SequenceEvent =
  | SequenceStarted
  | EmailSendReserved
  | EmailSent
  | EmailSendFailed
  | EngagementEvent
  | LeadQualified
  | SequencePaused
  | SequenceResumed
  | SequenceCompleted
  | SequenceStopped;

export type SequenceEventType = SequenceEvent['type'];

const ENGAGEMENT_EVENT_TYPES: readonly EngagementEvent['type'][] = [
  'EmailDelivered',
  'EmailOpened',
  'EmailClicked',
  'EmailReplied',
  'EmailBounced',
  'LeadUnsubscribed',
  'SpamComplained',
];
const ENGAGEMENT_EVENT_TYPE_SET: ReadonlySet<string> = new Set(ENGAGEMENT_EVENT_TYPES);

export const SEQUENCE_EVENT_TYPES: readonly SequenceEventType[] = [
  'SequenceStarted',
  'EmailSendReserved',
  'EmailSent',
  'EmailSendFailed',
  ...ENGAGEMENT_EVENT_TYPES,
  'LeadQualified',
  'SequencePaused',
  'SequenceResumed',
  'SequenceCompleted',
  'SequenceStopped',
];

/** A fact reported about the lead's emails (rather than one the sequence's own course decides). */
export const isEngagementEvent = (e: SequenceEvent): e is EngagementEvent => ENGAGEMENT_EVENT_TYPE_SET.has(e.type);

export const CURRENT_SCHEMA_VERSION = 1;

/** Builds an event of the current schema version. */
export function event<E extends SequenceEvent>(type: E['type'], data: E['data']): E {
  return { type, schemaVersion: CURRENT_SCHEMA_VERSION, data } as E;
}
