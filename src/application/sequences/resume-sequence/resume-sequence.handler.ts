import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.js';
import { executeSequenceCommand, type SequenceCommandResult } from '../execute-sequence-command.js';
import { ResumeSequenceCommand } from './resume-sequence.command.js';

@CommandHandler(ResumeSequenceCommand)
export class ResumeSequenceHandler implements ICommandHandler<ResumeSequenceCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ sequenceId, now, options }: ResumeSequenceCommand): Promise<SequenceCommandResult> {
    return executeSequenceCommand(this.store, sequenceId, { type: 'ResumeSequence', data: { now } }, options);
  }
}
