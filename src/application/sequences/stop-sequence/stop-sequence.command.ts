import { Command } from '@nestjs/cqrs';
import type { SequenceCommandResult } from '../execute-sequence-command.js';

/** Stops a sequence by hand, for good. */
export class StopSequenceCommand extends Command<SequenceCommandResult> {
  constructor(
    readonly sequenceId: number,
    readonly now: string,
    readonly options: { expectedRevision?: bigint; metadata?: Record<string, unknown> } = {},
  ) {
    super();
  }
}
