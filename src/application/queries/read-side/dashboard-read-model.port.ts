// What the live dashboard reads: one snapshot of the read side, and the projector's position
// against the log's head (for its change stream).

/** The funnel: sequences by status (from the gauges) and emails by how far they got. */
export interface DashboardFunnel {
  started: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  replied: number;
  qualified: number;
  paused: number;
  completed: number;
  stopped: number;
}

export interface DashboardDay {
  date: string;
  started: number;
  qualified: number;
  conversionRatePct: number;
  emailsSent: number;
  openRatePct: number;
  clickRatePct: number;
  replyRatePct: number;
}

export interface DashboardRun {
  runId: string;
  startedAt: string;
  finishedAt: string;
  status: string;
  dryRun: boolean;
  steps: { step: string; status: string; durationMs: number }[];
}

/** An active sequence and its next email, soonest first. */
export interface DueSequence {
  sequenceId: number;
  leadExtId: string;
  sequenceName: string;
  /** The step its next email is (1-based). */
  nextStep: number;
  totalSteps: number;
  /** When it is due; null when the sequence has no next send planned. */
  nextSendAt: string | null;
}

/** The days the daily chart shows, [start, end) in UTC: the 30 up to the metrics view's latest. */
export interface DashboardWindow {
  start: string;
  end: string;
}

export interface DashboardSuppression {
  email: string;
  reason: string;
  source: string | null;
  suppressedAt: string;
}

export interface DashboardUnmatchedEvent {
  source: string;
  eventType: string;
  reason: string;
  /** parked (may still match a sequence), matched, expired. */
  status: string;
  receivedAt: string;
}

export interface DashboardEvent {
  position: number;
  type: string;
  stream: string;
  recordedAt: string;
}

export interface ProjectionProgress {
  /** The projector's checkpoint (es_events.global_position of the last event it applied). */
  position: number;
  /** The log's head (the highest global_position). */
  head: number;
}

/** What the change stream watches: the projector against the log, and the sizes of the two lists
 * written outside the log (the suppression list, the unmatched events). */
export interface DashboardPulse extends ProjectionProgress {
  suppressions: number;
  unmatchedEvents: number;
}

export interface DashboardSnapshot extends ProjectionProgress {
  funnel: DashboardFunnel;
  active: number;
  due: DueSequence[];
  days: DashboardDay[];
  /** Null when the metrics view has no day yet. */
  window: DashboardWindow | null;
  runs: DashboardRun[];
  suppressions: number;
  /** The latest additions to the suppression list, newest first. */
  latestSuppressions: DashboardSuppression[];
  unmatchedEvents: number;
  /** The latest engagement events that matched no sequence, newest first. */
  latestUnmatched: DashboardUnmatchedEvent[];
  events: DashboardEvent[];
}

export interface DashboardReadModel {
  snapshot(): Promise<DashboardSnapshot>;
  progress(): Promise<DashboardPulse>;
}

export const DASHBOARD_READ_MODEL = Symbol('DashboardReadModel');
