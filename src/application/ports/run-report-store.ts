import type { RunReport } from '../pipeline/run-report.js';

export interface RunReportStore {
  save(report: RunReport): Promise<void>;
}
