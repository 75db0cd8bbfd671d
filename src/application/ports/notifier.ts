import type { RunReport } from '../pipeline/run-report.js';

export interface Notifier {
  notifyRunSummary(report: RunReport): Promise<void>;
}
