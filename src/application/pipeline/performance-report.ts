// What a run exports to S3: the specification's envelope {timestamp, run_id, performance_report,
// export_version: "1.0"}. `performance_report` is what the run did (its status and every step's
// status, duration and counts) and the conversion figures it refreshed (README: "Export to S3").
import type { ConversionTotals } from '../ports/pipeline-read-model.js';
import type { RunReport } from './run-report.js';

export const EXPORT_VERSION = '1.0';

/** The windows of conversion figures exported: the cohorts started in the last 7 and 30 UTC days. */
export const EXPORTED_WINDOWS = [7, 30] as const;

export interface PerformanceReport {
  run_id: string;
  /** The run's status when the export was written (every step before the export). */
  status: RunReport['status'];
  /** The instant the run evaluated its time rules against. */
  now: string;
  dry_run: boolean;
  started_at: string;
  steps: { step: string; status: string; duration_ms: number; counts: Record<string, number>; errors: number }[];
  /** `last_7_days`, `last_30_days`. */
  conversion_metrics: Record<string, ConversionTotals>;
}

export interface RunExportEnvelope {
  /** When the export was written. */
  timestamp: string;
  run_id: string;
  performance_report: PerformanceReport;
  export_version: typeof EXPORT_VERSION;
}

export function runExportEnvelope(report: RunReport, metrics: Record<string, ConversionTotals>, timestamp: string): RunExportEnvelope {
  return {
    timestamp,
    run_id: report.runId,
    performance_report: {
      run_id: report.runId,
      status: report.status,
      now: report.now,
      dry_run: report.dryRun,
      started_at: report.startedAt,
      steps: report.steps.map((s) => ({ step: s.step, status: s.status, duration_ms: s.durationMs, counts: s.counts, errors: s.errors.length })),
      conversion_metrics: metrics,
    },
    export_version: EXPORT_VERSION,
  };
}

/** The UTC days [from, to] of the `days` days ending on `now`'s day. */
export function windowEndingAt(now: string, days: number): { from: string; to: string } {
  const to = new Date(now).toISOString().slice(0, 10);
  return { from: new Date(Date.parse(to) - (days - 1) * 86_400_000).toISOString().slice(0, 10), to };
}
