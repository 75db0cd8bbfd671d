import type { SequenceCommand } from '../../../domain/sequence/commands.js';
import { MS_PER_DAY, isoOf } from '../../../domain/shared/time.js';
import { chunks } from '../concurrency.js';
import { decideMany } from '../decide-many.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';

const BATCH = 500;

/** Pauses active sequences silent for `pause_after_days` (the aggregate has the last word). */
export async function autoPauseInactiveSequences(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder): Promise<void> {
  if (!ctx.params.enable_auto_pause) {
    rec.note('enable_auto_pause is false');
    return;
  }
  await deps.readModel.catchUp();
  const quietSince = isoOf(Date.parse(ctx.now) - ctx.params.pause_after_days * MS_PER_DAY);
  const candidates = await deps.readModel.inactiveSequenceIds(quietSince);
  for (const batch of chunks(candidates, BATCH)) {
    const pause = (): SequenceCommand => ({ type: 'PauseIfInactive', data: { pauseAfterDays: ctx.params.pause_after_days, now: ctx.now } });
    const result = await decideMany(deps.store, batch, pause, { runId: ctx.runId });
    rec.count('paused', result.decided.length);
  }
}
