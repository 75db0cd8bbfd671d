// The read side's answers about sequences (SQL in infrastructure).
import type { EngagementSummaryRow, SequenceEmailRow, SequenceRow, StoredSequenceStatus } from './sequence-rows.js';

export { SEQUENCE_STATUSES } from './sequence-rows.js';
export type { EngagementSummaryRow, SequenceEmailRow, SequenceRow, StoredSequenceStatus } from './sequence-rows.js';

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
