import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../../domain/shared/errors.js';
import { SEQUENCE_READ_MODEL, type SequenceReadModel } from '../read-side/sequence-read-model.port.js';
import { READ_MODEL_SYNC, type ReadModelSync } from '../read-side/read-model-sync.port.js';
import { GetSequenceQuery, type SequenceDetail } from './get-sequence.query.js';

@QueryHandler(GetSequenceQuery)
export class GetSequenceHandler implements IQueryHandler<GetSequenceQuery> {
  constructor(
    @Inject(SEQUENCE_READ_MODEL) private readonly sequences: SequenceReadModel,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
  ) {}

  async execute({ sequenceId }: GetSequenceQuery): Promise<SequenceDetail> {
    await this.sync.catchUp();
    const sequence = await this.sequences.findSequence(sequenceId);
    if (sequence === null) throw new NotFoundError(`sequence ${sequenceId} not found`);
    const emails = await this.sequences.emailsOf(sequenceId);
    const engagementSummary = await this.sequences.engagementSummaryOf(sequenceId);
    return { sequence, emails, engagementSummary };
  }
}
