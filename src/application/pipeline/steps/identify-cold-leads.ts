import { COLD_PRIORITY, COLD_SCORE_LIMIT, ENROLLMENT_BLOCKING_STATUSES, coldLeadWindowStart } from '../../../domain/leads/cold-lead-policy.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';

/** Cold leads, oldest first, at most `max_leads_per_run` (set-based, in the database). */
export async function identifyColdLeads(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder): Promise<void> {
  await deps.readModel.catchUp(); // a lead enrolled by the last run must not look cold again
  ctx.coldLeads = await deps.leads.findColdLeads({
    createdSince: coldLeadWindowStart(ctx.now),
    scoreBelow: COLD_SCORE_LIMIT,
    priority: COLD_PRIORITY,
    openStatuses: ENROLLMENT_BLOCKING_STATUSES,
    limit: ctx.params.max_leads_per_run,
  });
  rec.set('cold_leads', ctx.coldLeads.length);
}
