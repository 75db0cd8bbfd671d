// Runs the pipeline on a cron schedule (default every four hours, UTC). A tick that finds the
// previous run still going is skipped by the cron job; across instances the run lock decides.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { NurturingRunner } from '../../application/pipeline/nurturing-runner.js';
import type { RunReport } from '../../application/pipeline/run-report.js';
import { loadRunParameters } from '../config/load-run-parameters.js';
import type { ReportSchedules } from './report-schedules.js';

export const SERVE_OPTIONS = Symbol('ServeOptions');

export interface ServeOptions {
  /** Cron expression (UTC); null = no scheduled runs (tests, API-only instances). */
  schedule: string | null;
  configFile?: string;
  /** When the weekly and monthly reports are published (cron, UTC); absent = none (tests, API-only instances). */
  reportSchedules?: ReportSchedules;
}

@Injectable()
export class PipelineSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly runner: NurturingRunner,
    private readonly registry: SchedulerRegistry,
    @Inject(SERVE_OPTIONS) private readonly options: ServeOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.schedule === null) return;
    const job = CronJob.from({
      cronTime: this.options.schedule,
      onTick: async () => {
        const run = this.runOnce();
        this.inFlight = run;
        await run;
      },
      timeZone: 'UTC',
      waitForCompletion: true,
      start: true,
    });
    this.registry.addCronJob('nurturing-pipeline', job);
    this.logger.log(`pipeline scheduled "${this.options.schedule}" (UTC); next run ${job.nextDate().toISO()}`);
  }

  /** Lets a run in progress finish before the database closes. */
  async onApplicationShutdown(): Promise<void> {
    if (this.options.schedule !== null) this.registry.getCronJob('nurturing-pipeline').stop();
    await this.inFlight;
  }

  async runOnce(): Promise<RunReport | null> {
    try {
      const params = loadRunParameters({ env: process.env, configFile: this.options.configFile });
      const report = await this.runner.run({ params });
      this.logger.log(summary(report));
      for (const warning of report.warnings) this.logger.warn(`run ${report.runId}: ${warning}`);
      return report;
    } catch (error) {
      this.logger.error(`run failed: ${(error as Error).message}`);
      return null;
    }
  }
}

function summary(r: RunReport): string {
  if (r.status === 'skipped') return `run ${r.runId} skipped: another run holds the lock`;
  const counts = r.steps.flatMap((s) => Object.entries(s.counts).map(([k, v]) => `${k}=${v}`)).join(' ');
  const errors = r.steps.reduce((n, s) => n + s.errors.length, 0);
  return `run ${r.runId} ${r.status}: ${counts}${errors ? ` errors=${errors}` : ''}`;
}
