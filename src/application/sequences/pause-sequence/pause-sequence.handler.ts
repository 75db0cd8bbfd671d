import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.js';
import { executeSequenceCommand, type SequenceCommandResult } from '../execute-sequence-command.js';
import { PauseSequenceCommand } from './pause-sequence.command.js';

@CommandHandler(PauseSequenceCommand)
export class PauseSequenceHandler implements ICommandHandler<PauseSequenceCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ sequenceId, now, options }: PauseSequenceCommand): Promise<SequenceCommandResult> {
    return executeSequenceCommand(this.store, sequenceId, { type: 'PauseSequence', data: { reason: 'manual', now } }, options);
  }
}
