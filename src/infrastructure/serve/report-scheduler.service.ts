// Publishes the weekly and monthly reports on their cron schedules (UTC) while `serve` runs, and at
// start publishes the last complete period's report of each kind if it is not stored yet (a slot
// missed while the service was down). Each publication holds the report's lock and checks the
// store again under it, so instances starting or ticking together publish a report once.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { CronJob } from 'cron';
import { type PublishResult, publishReport } from '../../application/reports/publish-report.js';
import type { ReportKind } from '../../application/reports/report.js';
import { REPORT_GENERATOR, REPORT_STORE, type ReportGenerator, type ReportStore } from '../../application/reports/report-ports.js';
import { lastCompletePeriod } from '../../domain/reports/report-period.js';
import { loadServiceParameters } from '../config/load-run-parameters.js';
import { SlackReportNotifier } from '../http/slack-report-notifier.js';
import { retryPolicyOf, s3StoreOf } from '../pipeline/create-pipeline-deps.js';
import { REPORT_LINKS, type ReportLinksSource } from '../reports/report-links.provider.js';
import { configuredPublicUrl } from '../unsubscribe/load-unsubscribe-tokens.js';
import { REPORT_LOCK, type ReportLock } from './report-lock.js';
import type { ReportSchedules } from './report-schedules.js';

export const REPORT_SCHEDULING_OPTIONS = Symbol('ReportSchedulingOptions');

export interface ReportSchedulingOptions {
  schedules: ReportSchedules;
  configFile?: string;
  /** The clock (tests); default the wall clock. */
  now?: () => string;
}

@Injectable()
export class ReportSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reports');
  private readonly jobs: CronJob[] = [];
  private inFlight = new Set<Promise<unknown>>();
  /** The catch-up started at bootstrap (tests wait for it). */
  catchUp: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(REPORT_GENERATOR) private readonly generator: ReportGenerator,
    @Inject(REPORT_STORE) private readonly store: ReportStore,
    @Inject(REPORT_LOCK) private readonly lock: ReportLock,
    @Inject(REPORT_SCHEDULING_OPTIONS) private readonly options: ReportSchedulingOptions,
    @Optional() @Inject(REPORT_LINKS) private readonly links: ReportLinksSource | null = null,
  ) {}

  onApplicationBootstrap(): void {
    const kinds = (['weekly', 'monthly'] as const).filter((k) => this.options.schedules[k] !== null);
    for (const kind of kinds) {
      const job = CronJob.from({ cronTime: this.options.schedules[kind]!, onTick: async () => {
        await this.track(this.publishLast(kind));
      }, timeZone: 'UTC', waitForCompletion: true, start: true });
      this.jobs.push(job);
      this.logger.log(`${kind} report scheduled "${this.options.schedules[kind]}" (UTC); next ${job.nextDate().toISO()}`);
    }
    this.catchUp = this.track(Promise.all(kinds.map((k) => this.publishLast(k))));
  }

  async onApplicationShutdown(): Promise<void> {
    for (const job of this.jobs) job.stop();
    await Promise.allSettled([...this.inFlight]);
  }

  /** Publishes the last complete period's report of `kind` unless it is stored already. */
  async publishLast(kind: ReportKind): Promise<PublishResult | null> {
    const period = lastCompletePeriod(kind, this.options.now?.() ?? new Date().toISOString());
    const id = `${kind}-${period.label}`;
    try {
      const result = await this.lock.tryWith(id, async () => {
        if (await this.store.find(id)) return null;
        const params = loadServiceParameters({ env: process.env, configFile: this.options.configFile });
        return publishReport(period, {
          generator: this.generator,
          objectStore: params.export_metrics_to_s3 ? () => s3StoreOf(params) : null,
          s3Path: params.s3_path,
          notifier: params.slack_webhook_url ? new SlackReportNotifier(params.slack_webhook_url, retryPolicyOf(params)) : null,
          reportLink: async (reportId) => (configuredPublicUrl() && this.links ? (await this.links()).htmlUrl(reportId) : null),
        });
      });
      if (result === null) return null;
      this.logger.log(`report ${id} published: ${result.uploaded.length} file(s) uploaded${result.notified ? ', Slack notified' : ''}`);
      for (const error of result.errors) this.logger.error(`report ${id}: ${error}`);
      return result;
    } catch (error) {
      this.logger.error(`report ${id} failed: ${(error as Error).message}`);
      return null;
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }
}
