// dry_run: renders every email that is due, exactly as it would be POSTed (unsubscribe headers
// included), and decides its send on the dry run's in-memory store, so later steps see it as
// sent; a suppressed address's sequence would stop. Nothing is reserved, POSTed or stored.
import type { SequenceCommand } from '../../../domain/sequence/commands.js';
import { isDue } from '../../../domain/sequence/state.js';
import { composeEmail } from '../compose-email.js';
import { decideOnStates } from '../decide-many.js';
import { emailEventIdOf } from '../email-identity.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';
import { isSuppressed, loadWithSuppressions } from '../suppressed-at-send.js';

export async function recordDryRun(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder, sequenceIds: number[]): Promise<void> {
  const links = await deps.unsubscribeLinks();
  const { items, suppressed } = await loadWithSuppressions(deps, sequenceIds);
  let budget = ctx.sendBudget;
  let wouldStop = 0;
  const result = await decideOnStates(
    deps.store,
    items,
    (state, sequenceId): SequenceCommand | null => {
      if (!isDue(state, ctx.now) || state.reservation) return null;
      const step = state.currentStep + 1;
      const emailEventId = emailEventIdOf(sequenceId, step);
      if (isSuppressed(state, suppressed)) {
        wouldStop += 1;
        return { type: 'ReserveEmailSend', data: { step, emailEventId, runId: ctx.runId, addressSuppressed: true, now: ctx.now } };
      }
      if (budget <= 0) return null;
      budget -= 1;
      const email = composeEmail(state, step, ctx.params.email_from, links);
      ctx.previewEmails?.push({ sequence_id: sequenceId, lead_ext_id: state.leadExtId!, step, from: email.from, to: email.to, subject: email.subject, text: email.text, ...(email.html ? { html: email.html } : {}) });
      return {
        type: 'RecordEmailSent',
        data: { step, emailEventId, providerMessageId: null, subject: email.subject, dryRun: true, now: ctx.now },
      };
    },
    { runId: ctx.runId, dryRun: true },
  );
  const sent = result.decided.filter((d) => d.events.some((e) => e.type === 'EmailSent')).length;
  ctx.sendBudget -= sent;
  rec.count('dry_run', sent);
  if (wouldStop > 0) rec.count('stopped_suppressed', wouldStop);
}
