import { Inject, Injectable } from '@nestjs/common';
import { type Command, CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../../application/ports/event-store.js';
import type { SequenceCommandResult } from '../../../application/sequences/execute-sequence-command.js';
import { sequenceStreamId } from '../../../domain/sequence/events.js';
import { NotFoundError } from '../../../domain/shared/errors.js';

/** Sends a command to an existing sequence: an unknown id is a 404, not a state conflict. */
@Injectable()
export class SequenceCommands {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(sequenceId: number, command: Command<SequenceCommandResult>): Promise<SequenceCommandResult> {
    const { revision } = await this.store.readStream(sequenceStreamId(sequenceId));
    if (revision < 0n) throw new NotFoundError(`sequence ${sequenceId} not found`);
    return this.commands.execute(command);
  }
}
