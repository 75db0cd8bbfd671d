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

export interface DashboardSnapshot extends ProjectionProgress {
  funnel: DashboardFunnel;
  active: number;
  days: DashboardDay[];
  runs: DashboardRun[];
  suppressions: number;
  unmatchedEvents: number;
  events: DashboardEvent[];
}

export interface DashboardReadModel {
  snapshot(): Promise<DashboardSnapshot>;
  progress(): Promise<ProjectionProgress>;
}

export const DASHBOARD_READ_MODEL = Symbol('DashboardReadModel');
