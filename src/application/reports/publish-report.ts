// Publishing a period's report: generate it (which stores it), then upload its files beside the run
// exports when export_metrics_to_s3 is on, then post its Slack summary when slack_webhook_url is
// set. An upload or a post that fails is reported in the result; the stored report stays.
import { reportFileKey } from '../exports/export-keys.js';
import type { ObjectStore } from '../ports/object-store.js';
import type { ReportNotifier } from '../ports/report-notifier.js';
import type { ReportPeriod } from './report.js';
import type { ReportGenerator, StoredReport } from './report-ports.js';

export interface PublishReportDeps {
  generator: ReportGenerator;
  /** The export's bucket; null when export_metrics_to_s3 is off. */
  objectStore: (() => ObjectStore) | null;
  s3Path: string;
  /** Null when slack_webhook_url is not set. */
  notifier: ReportNotifier | null;
  /** The link to a report's HTML page the Slack summary carries (a signed one, that opens without an
   * API key); null without one (NURTURE_PUBLIC_URL unset). */
  reportLink: (id: string) => Promise<string | null>;
  minSends?: number;
}

export interface PublishResult {
  id: string;
  /** The report as generated and stored, with its files. */
  stored: StoredReport;
  /** The keys written, in the export's bucket. */
  uploaded: string[];
  notified: boolean;
  /** One line per failed upload or post; empty when all went through. */
  errors: string[];
}

export async function publishReport(period: ReportPeriod, deps: PublishReportDeps): Promise<PublishResult> {
  const stored = await deps.generator.generate(period, deps.minSends === undefined ? undefined : { minSends: deps.minSends });
  const { report, files } = stored;
  const result: PublishResult = { id: report.id, stored, uploaded: [], notified: false, errors: [] };
  if (deps.objectStore) {
    const store = deps.objectStore();
    try {
      for (const file of files) {
        const key = reportFileKey(deps.s3Path, period.kind, period.label, file.name);
        try {
          await store.put(key, file.body, file.contentType);
          result.uploaded.push(key);
        } catch (error) {
          result.errors.push((error as Error).message);
        }
      }
    } finally {
      await store.close();
    }
  }
  if (deps.notifier) {
    try {
      await deps.notifier.notifyReport(report, await deps.reportLink(report.id));
      result.notified = true;
    } catch (error) {
      result.errors.push(`Slack summary of ${report.id}: ${(error as Error).message}`);
    }
  }
  return result;
}

