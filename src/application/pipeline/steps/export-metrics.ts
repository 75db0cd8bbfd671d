import { runExportKey } from '../../exports/export-keys.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import { EXPORTED_WINDOWS, runExportEnvelope, windowEndingAt } from '../performance-report.js';
import type { RunContext } from '../run-context.js';
import type { RunReport, StepRecorder } from '../run-report.js';

/** Uploads the run's performance report to `s3://{s3_bucket}/{s3_path}/runs/…` (export_metrics_to_s3). */
export async function exportMetricsToS3(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder, report: RunReport): Promise<void> {
  const metrics = Object.fromEntries(
    await Promise.all(EXPORTED_WINDOWS.map(async (days) => {
      const { from, to } = windowEndingAt(ctx.now, days);
      return [`last_${days}_days`, await deps.readModel.conversionTotals(from, to)] as const;
    })),
  );
  const timestamp = new Date().toISOString();
  const key = runExportKey(ctx.params.s3_path, ctx.runId, timestamp);
  const store = deps.objectStore(ctx.params);
  try {
    await store.put(key, JSON.stringify(runExportEnvelope(report, metrics, timestamp), null, 2), 'application/json');
  } finally {
    await store.close();
  }
  rec.count('uploaded');
  rec.note(`s3://${ctx.params.s3_bucket}/${key}`);
}
