import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UNMATCHED_EVENT_LOG, type UnmatchedEventLog } from '../../ports/engagement-matcher.js';
import { requireIntegerIn } from '../shared/input-checks.js';
import { DEFAULT_UNMATCHED_LIMIT, ListUnmatchedEventsQuery, MAX_UNMATCHED_LIMIT, type UnmatchedEventsPage } from './list-unmatched-events.query.js';

@QueryHandler(ListUnmatchedEventsQuery)
export class ListUnmatchedEventsHandler implements IQueryHandler<ListUnmatchedEventsQuery> {
  constructor(@Inject(UNMATCHED_EVENT_LOG) private readonly log: Pick<UnmatchedEventLog, 'page'>) {}

  async execute({ limit, cursor }: ListUnmatchedEventsQuery): Promise<UnmatchedEventsPage> {
    const size = requireIntegerIn(limit ?? DEFAULT_UNMATCHED_LIMIT, 1, MAX_UNMATCHED_LIMIT, 'limit');
    const rows = await this.log.page({ limit: size + 1, beforeId: cursor ?? null });
    const items = rows.slice(0, size);
    return { items, nextCursor: rows.length > size ? Number(items[items.length - 1]!.id) : null };
  }
}
