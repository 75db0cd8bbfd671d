import { Command } from '@nestjs/cqrs';
import type { SequenceCommandResult } from '../execute-sequence-command.js';

/** Resumes a paused sequence; a step that fell due while paused is sent on the next run. */
export class ResumeSequenceCommand extends Command<SequenceCommandResult> {
  constructor(
    readonly sequenceId: number,
    readonly now: string,
    readonly options: { expectedRevision?: bigint; metadata?: Record<string, unknown> } = {},
  ) {
    super();
  }
}
