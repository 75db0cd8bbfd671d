import { Command } from '@nestjs/cqrs';
import type { SequenceCommandResult } from '../execute-sequence-command.js';

/** Pauses an active sequence by hand: nothing more is sent until it is resumed. */
export class PauseSequenceCommand extends Command<SequenceCommandResult> {
  constructor(
    readonly sequenceId: number,
    readonly now: string,
    readonly options: { expectedRevision?: bigint; metadata?: Record<string, unknown> } = {},
  ) {
    super();
  }
}
