import { decide } from '../../../domain/sequence/decide.js';
import { sequenceStreamId } from '../../../domain/sequence/events.js';
import { initialState } from '../../../domain/sequence/state.js';
import { chooseTemplate } from '../../../domain/templates/template-choice.js';
import type { AppendToStream } from '../../ports/event-store.js';
import { startSequenceOf } from '../../sequences/start-sequence/start-sequence-of.js';
import { chunks } from '../concurrency.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';

const BATCH = 1000;

/** Enrolls each cold lead in its most specific template (or the default): new streams, appended
 * in batches. */
export async function startNurturingSequences(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder): Promise<void> {
  const plans = ctx.coldLeads.flatMap((lead) => {
    const template = chooseTemplate({ score: lead.score, priority: lead.priority }, ctx.templates) ?? ctx.defaultTemplate;
    if (!template) {
      rec.count('skipped_no_template');
      return [];
    }
    return [{ lead, template }];
  });
  for (const batch of chunks(plans, BATCH)) {
    const ids = await deps.ids.nextSequenceIds(batch.length);
    const appends: AppendToStream[] = batch.map(({ lead, template }, i) => {
      const sequenceId = ids[i]!;
      const declaredTotalSteps = template.declaredTotalSteps ?? template.totalSteps;
      const events = decide(
        startSequenceOf(sequenceId, lead, { ...template, declaredTotalSteps }, ctx.now),
        initialState,
      );
      const metadata = { command: 'StartSequence', runId: ctx.runId };
      return { streamId: sequenceStreamId(sequenceId), expectedRevision: 'no_stream', events: events.map((e) => ({ ...e, metadata })) };
    });
    await deps.store.appendToStreams(appends);
    rec.count('sequences_started', appends.length);
  }
}
