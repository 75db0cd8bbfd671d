import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requireCursor, requireIntegerIn, requireNonEmpty, requireOneOf } from '../shared/input-checks.js';
import { READ_MODEL_SYNC, type ReadModelSync } from '../read-side/read-model-sync.port.js';
import { DEFAULT_PAGE_SIZE, ListSequencesQuery, MAX_PAGE_SIZE, type SequencePage } from './list-sequences.query.js';
import { SEQUENCE_READ_MODEL, SEQUENCE_STATUSES, type SequenceReadModel } from '../read-side/sequence-read-model.port.js';

@QueryHandler(ListSequencesQuery)
export class ListSequencesHandler implements IQueryHandler<ListSequencesQuery> {
  constructor(
    @Inject(SEQUENCE_READ_MODEL) private readonly sequences: SequenceReadModel,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
  ) {}

  async execute({ filter: f }: ListSequencesQuery): Promise<SequencePage> {
    const limit = requireIntegerIn(f.limit ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, 'limit');
    const filter = {
      status: f.status === undefined ? undefined : requireOneOf(f.status, SEQUENCE_STATUSES, 'status'),
      leadExtId: f.leadExtId === undefined ? undefined : requireNonEmpty(f.leadExtId, 'lead_ext_id'),
      template: f.template === undefined ? undefined : requireNonEmpty(f.template, 'template'),
      afterId: f.cursor === undefined ? undefined : requireCursor(f.cursor, 'cursor'),
    };
    await this.sync.catchUp();
    // One row more than the page tells whether another page follows.
    const rows = await this.sequences.listSequences({ ...filter, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? String(items[items.length - 1]!.id) : null;
    return { items, nextCursor };
  }
}
