import { Command } from '@nestjs/cqrs';

export interface EnrollmentResult {
  sequenceId: number;
  revision: bigint;
  template: { id: number; name: string };
}

/** Enrolls one lead of `leads` in a template by hand: the named one (by id or name), else the one
 * a run would choose for the lead, else the default template. */
export class EnrollLeadCommand extends Command<EnrollmentResult> {
  constructor(
    readonly leadExtId: string,
    readonly template: { id?: number; name?: string },
    /** ISO-8601; the wall clock when absent. */
    readonly now: string | undefined,
    /** Who asked (stored with the event for auditing). */
    readonly metadata: Record<string, unknown> = {},
  ) {
    super();
  }
}
