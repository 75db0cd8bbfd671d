// Commands to the `Sequence` aggregate: imperatives. The caller supplies ids and the instant
// (`now`), so `decide` stays pure and deterministic.
import type { BounceKind, PauseReason, StepSnapshot, StopReason } from './events.js';

export interface StartSequence {
  type: 'StartSequence';
  data: {
    sequenceId: number;
    leadExtId: string;
    email: string;
    firstName: string | null;
    leadFields: Record<string, string | null>;
    templateId: number | null;
    templateName: string;
    steps: StepSnapshot[];
    declaredTotalSteps: number;
    /** The template's `default_fallback`; absent = null. */
    defaultFallback?: string | null;
    baseScore: number | null;
    /** The template's `stop_on_reply`; null = the service's setting. */
    stopOnReply?: boolean | null;
    now: string;
  };
}

/** Claims the next due step for one sender before its email is POSTed. */
export interface ReserveEmailSend {
  type: 'ReserveEmailSend';
  data: {
    step: number;
    /** The email's id; a take-over keeps the original reservation's id. */
    emailEventId: string;
    runId: string;
    /** Set to the holder's run id to take over a reservation whose run is known to be dead. */
    takeOverFrom?: string | null;
    /** The sequence's address is on the suppression list (checked by the caller at send time):
     * the step is not reserved, the sequence stops with reason `suppressed`. */
    addressSuppressed?: boolean;
    now: string;
  };
}

export interface RecordEmailSent {
  type: 'RecordEmailSent';
  data: {
    step: number;
    emailEventId: string;
    providerMessageId: string | null;
    subject: string;
    dryRun: boolean;
    now: string;
  };
}

export interface RecordEmailSendFailed {
  type: 'RecordEmailSendFailed';
  data: {
    step: number;
    emailEventId: string;
    error: string;
    attempts: number;
    /** The provider refused the email for good (a 4xx other than 408/429). Default false. */
    permanent?: boolean;
    /** Permanent failures of a step that stop the sequence (`max_send_failures`); absent: never stops. */
    maxSendFailures?: number;
    now: string;
  };
}

export type EngagementType =
  | 'delivered'
  | 'opened'
  | 'clicked'
  | 'replied'
  | 'bounced'
  | 'unsubscribed'
  | 'complained';

export interface RecordEngagement {
  type: 'RecordEngagement';
  data: {
    engagementType: EngagementType;
    providerEventId: string;
    step: number | null;
    occurredAt: string;
    url?: string | null;
    bounceKind?: BounceKind;
    machineOpen?: boolean;
    /** What the reporter said beside the fact (campaign id, user agent…); within the bounds of
     * engagement-details.ts. */
    details?: Record<string, unknown>;
    /** Qualification threshold (`min_score_to_qualify`, default 50). */
    minScoreToQualify: number;
    /** `stop_on_reply` in force where the sequence's template does not say (default false). */
    stopOnReply?: boolean;
    now: string;
  };
}

export interface QualifyIfEligible {
  type: 'QualifyIfEligible';
  data: { minScoreToQualify: number; now: string };
}

export interface PauseSequence {
  type: 'PauseSequence';
  data: { reason: PauseReason; now: string };
}

/** Pauses only if active and silent for `pauseAfterDays` since the later of start and last engagement. */
export interface PauseIfInactive {
  type: 'PauseIfInactive';
  data: { pauseAfterDays: number; now: string };
}

export interface ResumeSequence {
  type: 'ResumeSequence';
  data: { now: string };
}

export interface StopSequence {
  type: 'StopSequence';
  data: { reason: StopReason; now: string };
}

export type SequenceCommand =
  | StartSequence
  | ReserveEmailSend
  | RecordEmailSent
  | RecordEmailSendFailed
  | RecordEngagement
  | QualifyIfEligible
  | PauseSequence
  | PauseIfInactive
  | ResumeSequence
  | StopSequence;
