import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decide } from '../../../domain/sequence/decide.js';
import { initialState } from '../../../domain/sequence/state.js';
import { InvalidStateError } from '../../../domain/shared/errors.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.js';
import { SEQUENCE_ID_ALLOCATOR, type SequenceIdAllocator } from '../../ports/sequence-id-allocator.js';
import type { SequenceCommandResult } from '../execute-sequence-command.js';
import { appendStarts } from './append-starts.js';
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
    const command = startSequenceOf(sequenceId, lead, template, now);
    const events = decide(command, initialState);
    const start = { sequenceId, leadExtId: lead.extId, templateName: template.name, events, occurredAt: events[0]!.data.occurredAt, metadata: { command: command.type, ...metadata } };
    const { started } = await appendStarts(this.store, [start]);
    if (started.length === 0) throw new InvalidStateError(`lead ${JSON.stringify(lead.extId)} is already enrolled in a sequence`);
    return { sequenceId, revision: BigInt(events.length - 1), events };
  }
}
