// Rows of the read tables, with the tables' own (snake_case) column names, so a row
// round-trips through `to_jsonb(t)` and `jsonb_populate_recordset(NULL::t, …)` unchanged.
// Timestamps are ISO strings; every timestamp comes from an event, never from the clock,
// so a rebuild reproduces the live rows exactly. The row shapes are the read side's (the same
// the queries return).
import type {
  EngagementSummaryRow,
  SequenceEmailRow,
  SequenceRow as StoredSequenceRow,
} from '../../application/queries/read-side/sequence-rows.js';

/** A row of `lead_nurturing_sequences`; while projecting, the stream revision stays a string
 * (a bigint travels through JSON as text). */
export type SequenceRow = Omit<StoredSequenceRow, 'stream_revision'> & { stream_revision: string };
/** A row of `lead_nurturing_events`: one email of a sequence. */
export type EmailRow = SequenceEmailRow;
/** A row of `lead_nurturing_engagement_summary`. */
export type SummaryRow = EngagementSummaryRow;

export interface SuppressionRow {
  email: string;
  reason: 'bounced' | 'unsubscribed' | 'complained' | 'manual';
  source: string;
  sequence_id: number | null;
  suppressed_at: string;
}

/** The rows a batch touches, loaded once, changed in memory, written once. */
export interface AffectedRows {
  sequences: Map<number, SequenceRow>;
  /** Keyed by `<sequence_id>:<step_number>`. */
  emails: Map<string, EmailRow>;
  summaries: Map<number, SummaryRow>;
  /** New suppressions, keyed by lower-case email; the first reason wins. */
  suppressions: Map<string, SuppressionRow>;
}

export const emailKey = (sequenceId: number, step: number): string => `${sequenceId}:${step}`;

export const emptyAffectedRows = (): AffectedRows => ({
  sequences: new Map(),
  emails: new Map(),
  summaries: new Map(),
  suppressions: new Map(),
});
