import type { RunReport } from '../../pipeline/run-report.js';

/** The stored reports of pipeline runs (`lead_nurturing_runs`). */
export interface RunReportReader {
  /** The latest runs first. */
  latest(limit: number): Promise<RunReport[]>;
  find(runId: string): Promise<RunReport | null>;
}

export const RUN_REPORT_READER = Symbol('RunReportReader');
