import { Command } from '@nestjs/cqrs';
import type { EnrolledLead, EnrollingTemplate } from './start-sequence-of.js';
import type { SequenceCommandResult } from '../execute-sequence-command.js';

/** Enrolls a lead in a template: a new sequence with a snapshot of the template's steps. */
export class StartSequenceCommand extends Command<SequenceCommandResult> {
  constructor(
    readonly lead: EnrolledLead,
    readonly template: EnrollingTemplate,
    readonly now: string,
    readonly metadata: Record<string, unknown> = {},
  ) {
    super();
  }
}
