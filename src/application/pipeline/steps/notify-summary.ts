import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { RunReport, StepRecorder } from '../run-report.js';

/** Posts the run's summary to Slack when `slack_webhook_url` is set. */
export async function notifySummary(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder, report: RunReport): Promise<void> {
  const notifier = deps.notifier(ctx.params);
  if (!notifier) {
    rec.note('slack_webhook_url not set');
    return;
  }
  await notifier.notifyRunSummary(report);
  rec.count('notified');
}
