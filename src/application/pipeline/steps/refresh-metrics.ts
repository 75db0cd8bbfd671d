import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';

export async function refreshConversionMetrics(_ctx: RunContext, deps: PipelineDeps, _rec: StepRecorder): Promise<void> {
  await deps.readModel.catchUp();
  await deps.readModel.refreshConversionMetrics();
}
