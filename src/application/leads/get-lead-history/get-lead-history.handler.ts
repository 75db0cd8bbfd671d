import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.js';
import { LEAD_STREAM_INDEX, type LeadStreamIndex } from '../../ports/lead-stream-index.js';
import { SEQUENCE_STREAM_PREFIX } from '../../../domain/sequence/events.js';
import { GetLeadHistoryQuery, type LeadHistory } from './get-lead-history.query.js';

@QueryHandler(GetLeadHistoryQuery)
export class GetLeadHistoryHandler implements IQueryHandler<GetLeadHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEAD_STREAM_INDEX) private readonly index: LeadStreamIndex,
  ) {}

  async execute({ leadExtId }: GetLeadHistoryQuery): Promise<LeadHistory> {
    const streamIds = await this.index.streamsOfLead(leadExtId);
    const streams = await this.store.readStreams(streamIds);
    const events = [...streams.values()]
      .flatMap((s) => s.events)
      .sort((a, b) => (a.globalPosition < b.globalPosition ? -1 : a.globalPosition > b.globalPosition ? 1 : 0))
      .map((e) => {
        const data = e.data as Record<string, unknown>;
        return {
          sequenceId: Number(e.streamId.slice(SEQUENCE_STREAM_PREFIX.length)),
          revision: e.streamPosition.toString(),
          globalPosition: e.globalPosition.toString(),
          type: e.type,
          schemaVersion: e.schemaVersion,
          occurredAt: typeof data.occurredAt === 'string' ? data.occurredAt : null,
          recordedAt: e.recordedAt.toISOString(),
          data,
          metadata: e.metadata,
        };
      });
    const sequenceIds = streamIds.map((id) => Number(id.slice(SEQUENCE_STREAM_PREFIX.length)));
    return { leadExtId, sequenceIds, events };
  }
}
