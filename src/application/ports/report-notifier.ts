import type { Report } from '../reports/report.js';

/** Posts a report's summary (Slack). `htmlUrl`: where its HTML is served; null when no public URL is configured. */
export interface ReportNotifier {
  notifyReport(report: Report, htmlUrl: string | null): Promise<void>;
}
