import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.js';
import { executeSequenceCommand, type SequenceCommandResult } from '../execute-sequence-command.js';
import { StopSequenceCommand } from './stop-sequence.command.js';

@CommandHandler(StopSequenceCommand)
export class StopSequenceHandler implements ICommandHandler<StopSequenceCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ sequenceId, now, options }: StopSequenceCommand): Promise<SequenceCommandResult> {
    return executeSequenceCommand(this.store, sequenceId, { type: 'StopSequence', data: { reason: 'manual', now } }, options);
  }
}
