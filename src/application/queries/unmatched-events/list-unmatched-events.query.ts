import { Query } from '@nestjs/cqrs';
import type { UnmatchedEventRow } from '../../ports/engagement-matcher.js';

export const DEFAULT_UNMATCHED_LIMIT = 50;
export const MAX_UNMATCHED_LIMIT = 500;

export interface UnmatchedEventsPage {
  items: UnmatchedEventRow[];
  /** The id to pass as `cursor` for the next page; null on the last. */
  nextCursor: number | null;
}

/** Engagement that matched no sequence on arrival (parked, matched later, or expired), newest first. */
export class ListUnmatchedEventsQuery extends Query<UnmatchedEventsPage> {
  constructor(
    readonly limit?: number,
    readonly cursor?: number,
  ) {
    super();
  }
}
