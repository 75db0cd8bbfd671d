import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.js';
import { SEQUENCE_ID_ALLOCATOR, type SequenceIdAllocator } from '../../ports/sequence-id-allocator.js';
import { executeSequenceCommand, type SequenceCommandResult } from '../execute-sequence-command.js';
import { StartSequenceCommand } from './start-sequence.command.js';
import { startSequenceOf } from './start-sequence-of.js';

@CommandHandler(StartSequenceCommand)
export class StartSequenceHandler implements ICommandHandler<StartSequenceCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SEQUENCE_ID_ALLOCATOR) private readonly ids: SequenceIdAllocator,
  ) {}

  async execute({ lead, template, now, metadata }: StartSequenceCommand): Promise<SequenceCommandResult> {
    const sequenceId = await this.ids.nextSequenceId();
    return executeSequenceCommand(this.store, sequenceId, startSequenceOf(sequenceId, lead, template, now), { metadata });
  }
}
