// dry_run: renders what would be sent and records it (`EmailSent` with dryRun, status
// 'dry_run' in the read model) without reserving or POSTing anything.
import type { SequenceCommand } from '../../../domain/sequence/commands.js';
import { isDue } from '../../../domain/sequence/state.js';
import { composeEmail } from '../compose-email.js';
import { decideMany } from '../decide-many.js';
import { emailEventIdOf } from '../email-identity.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';

export async function recordDryRun(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder, sequenceIds: number[]): Promise<void> {
  let budget = ctx.sendBudget;
  const result = await decideMany(
    deps.store,
    sequenceIds,
    (state, sequenceId): SequenceCommand | null => {
      if (!isDue(state, ctx.now) || state.reservation || budget <= 0) return null;
      budget -= 1;
      const step = state.currentStep + 1;
      const email = composeEmail(state, step, ctx.params.email_from);
      return {
        type: 'RecordEmailSent',
        data: { step, emailEventId: emailEventIdOf(sequenceId, step), providerMessageId: null, subject: email.subject, dryRun: true, now: ctx.now },
      };
    },
    { runId: ctx.runId, dryRun: true },
  );
  ctx.sendBudget -= result.decided.length;
  rec.count('dry_run', result.decided.length);
}
