import { decide } from '../../../domain/sequence/decide.js';
import { initialState } from '../../../domain/sequence/state.js';
import { type PlannedStart, appendStarts } from '../../sequences/start-sequence/append-starts.js';
import { startSequenceOf } from '../../sequences/start-sequence/start-sequence-of.js';
import { templateForLead } from '../../templates/usable-templates.js';
import { chunks } from '../concurrency.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';

const BATCH = 1000;

/** Enrolls each cold lead in its most specific template (or the default): new streams, appended
 * in batches. */
export async function startNurturingSequences(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder): Promise<void> {
  const plans = ctx.coldLeads.flatMap((lead) => {
    const template = ctx.templates && templateForLead(ctx.templates, { score: lead.score, priority: lead.priority });
    if (!template) {
      rec.count('skipped_no_template');
      return [];
    }
    return [{ lead, template }];
  });
  for (const batch of chunks(plans, BATCH)) {
    const ids = await deps.ids.nextSequenceIds(batch.length);
    const starts: PlannedStart[] = batch.map(({ lead, template }, i) => {
      const sequenceId = ids[i]!;
      const declaredTotalSteps = template.declaredTotalSteps ?? template.totalSteps;
      const events = decide(startSequenceOf(sequenceId, lead, { ...template, declaredTotalSteps }, ctx.now), initialState);
      const metadata = { command: 'StartSequence', runId: ctx.runId };
      return { sequenceId, leadExtId: lead.extId, templateName: template.name, events, occurredAt: ctx.now, metadata };
    });
    const { started, alreadyEnrolled } = await appendStarts(deps.store, starts);
    rec.count('sequences_started', started.length);
    if (alreadyEnrolled.length > 0) rec.count('already_enrolled', alreadyEnrolled.length);
  }
}
