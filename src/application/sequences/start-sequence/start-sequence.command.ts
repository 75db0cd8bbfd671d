import { Command } from '@nestjs/cqrs';
import type { StepSnapshot } from '../../../domain/sequence/events.js';
import type { SequenceCommandResult } from '../execute-sequence-command.js';

/** Enrolls a lead in a template: a new sequence with a snapshot of the template's steps. */
export class StartSequenceCommand extends Command<SequenceCommandResult> {
  constructor(
    readonly lead: {
      extId: string;
      email: string;
      firstName: string | null;
      score: number | null;
      fields: Record<string, string | null>;
    },
    readonly template: { id: number | null; name: string; steps: StepSnapshot[]; declaredTotalSteps: number },
    readonly now: string,
    readonly metadata: Record<string, unknown> = {},
  ) {
    super();
  }
}
