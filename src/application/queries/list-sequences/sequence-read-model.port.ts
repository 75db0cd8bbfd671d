// The read side's answers about sequences (SQL in infrastructure). Rows keep the tables' own
// snake_case column names; timestamps are ISO-8601 strings.
import type { SequenceStatus } from '../../../domain/sequence/state.js';

export type StoredSequenceStatus = Exclude<SequenceStatus, 'none'>;
export const SEQUENCE_STATUSES: readonly StoredSequenceStatus[] = ['active', 'paused', 'completed', 'stopped', 'qualified'];

/** A row of `lead_nurturing_sequences`. */
export interface SequenceRow {
  id: number;
  lead_ext_id: string;
  email: string;
  first_name: string | null;
  template_id: number | null;
  sequence_name: string;
  current_step: number;
  total_steps: number;
  status: StoredSequenceStatus;
  base_score: number | null;
  engagement_score: number;
  total_score: number;
  started_at: string;
  next_send_at: string | null;
  last_sent_at: string | null;
  last_engagement_at: string | null;
  completion_rate: number;
  qualified_at: string | null;
  paused_at: string | null;
  completed_at: string | null;
  stopped_at: string | null;
  pause_reason: string | null;
  stop_reason: string | null;
  stream_revision: number;
  last_event_at: string;
}

/** A row of `lead_nurturing_events` (one email of a sequence). */
export type SequenceEmailRow = Record<string, unknown> & { id: string; sequence_id: number; step_number: number; status: string };

/** A row of `lead_nurturing_engagement_summary`. */
export type EngagementSummaryRow = Record<string, unknown> & { sequence_id: number; engagement_score: number };

export interface SequenceFilter {
  status?: StoredSequenceStatus;
  leadExtId?: string;
  /** A template's name (`sequence_name`) or id (`template_id`). */
  template?: string;
  /** Keyset: only ids greater than this. */
  afterId?: number;
  limit: number;
}

export interface SequenceReadModel {
  /** Matching sequences in id order. */
  listSequences(filter: SequenceFilter): Promise<SequenceRow[]>;
  findSequence(id: number): Promise<SequenceRow | null>;
  /** The sequence's emails in step order. */
  emailsOf(id: number): Promise<SequenceEmailRow[]>;
  engagementSummaryOf(id: number): Promise<EngagementSummaryRow | null>;
}

export const SEQUENCE_READ_MODEL = Symbol('SequenceReadModel');
