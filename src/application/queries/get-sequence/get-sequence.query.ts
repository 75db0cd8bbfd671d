import { Query } from '@nestjs/cqrs';
import type { EngagementSummaryRow, SequenceEmailRow, SequenceRow } from '../read-side/sequence-read-model.port.js';

export interface SequenceDetail {
  sequence: SequenceRow;
  /** One per step sent (or attempted), in step order. */
  emails: SequenceEmailRow[];
  /** Null until the sequence has any email or engagement. */
  engagementSummary: EngagementSummaryRow | null;
}

/** One sequence with its emails and engagement summary. */
export class GetSequenceQuery extends Query<SequenceDetail> {
  constructor(readonly sequenceId: number) {
    super();
  }
}
