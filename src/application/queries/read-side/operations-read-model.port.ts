// What the operational endpoints read: the gauges /metrics publishes and whether the database
// and the event store answer (/health).

/** One gauge sample: a metric name, its label value ('' for none) and its value. */
export interface GaugeSample {
  name: 'nurture_sequences' | 'nurture_unmatched_events' | 'nurture_event_log_head' | 'nurture_projection_position';
  label: string;
  value: number;
}

export type DatabaseHealth = { ok: true; mode: string } | { ok: false; error: unknown };

export interface OperationsReadModel {
  /** Kept by the writes that change them, so a read is a handful of rows. */
  gauges(): Promise<GaugeSample[]>;
  health(): Promise<DatabaseHealth>;
}

export const OPERATIONS_READ_MODEL = Symbol('OperationsReadModel');
