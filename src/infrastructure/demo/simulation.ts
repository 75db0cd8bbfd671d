// Simulated time: the local email sink and engagement API run in-process, and the nurturing
// pipeline runs every `everyHours` with `now` = the simulated instant, exactly as the scheduler
// would run it, with the provider's delivery reports recorded between runs.
import { NurturingRunner } from '../../application/pipeline/nurturing-runner.js';
import type { PipelineDeps } from '../../application/pipeline/pipeline-deps.js';
import { validateRunParameters } from '../../application/pipeline/run-parameters.js';
import type { RunReport } from '../../application/pipeline/run-report.js';
import { isoOf } from '../../domain/shared/time.js';
import { startEmailSink, type SinkStats } from './email-sink.js';
import { startEngagementApi } from './engagement-api.js';
import type { EngagementModel } from './engagement-model.js';
import { type ProviderReport, recordProviderReports } from './provider-feedback.js';

const HOUR = 3_600_000;

export interface SimulationPlan {
  /** ms since the epoch of the first run. */
  start: number;
  days: number;
  everyHours: number;
  /** Enough that every cold lead is enrolled by the first run. */
  maxLeadsPerRun: number;
  seed: number;
}

export interface SimulationResult {
  runs: number;
  /** ISO-8601 instant of the last run: what the funnel is as of. */
  lastRunAt: string;
  sink: SinkStats;
  engagementApiRequests: number;
  providerReports: number;
  /** Errors the runs' steps reported (none expected). */
  stepErrors: string[];
}

export const runInstants = ({ start, days, everyHours }: Pick<SimulationPlan, 'start' | 'days' | 'everyHours'>): number[] =>
  Array.from({ length: Math.floor((days * 24) / everyHours) + 1 }, (_, i) => start + i * everyHours * HOUR);

export async function simulate(deps: PipelineDeps, model: EngagementModel, plan: SimulationPlan, onRun: (done: number, total: number) => void): Promise<SimulationResult> {
  let now = plan.start;
  let reports: ProviderReport[] = [];
  // The API answers about the emails of the window the poller asks about (set with the parameters).
  let lookbackMs = 0;
  const sink = await startEmailSink(
    () => now,
    (email) => reports.push({ email, bounced: model.received(email.to, email.step, email.receivedAt)?.bounced ?? false }),
  );
  const api = await startEngagementApi((email) => model.snapshot(email, now, lookbackMs));
  const result: SimulationResult = { runs: 0, lastRunAt: isoOf(plan.start), sink: sink.stats(), engagementApiRequests: 0, providerReports: 0, stepErrors: [] };
  try {
    const params = validateRunParameters({
      email_webhook_url: sink.url,
      engagement_api_url: api.url,
      max_leads_per_run: plan.maxLeadsPerRun,
      max_emails_per_run: Math.max(10_000, plan.maxLeadsPerRun * 2),
      http_concurrency: 32,
      request_timeout: 10,
    });
    lookbackMs = params.engagement_lookback_days * 24 * HOUR;
    const runner = new NurturingRunner(deps);
    const instants = runInstants(plan);
    for (const [i, at] of instants.entries()) {
      now = at;
      const report = await runner.run({ params, now: isoOf(at), runId: `demo_${plan.seed}_${String(i + 1).padStart(4, '0')}` });
      collectErrors(report, result.stepErrors);
      const delivered = reports;
      reports = [];
      result.providerReports += await recordProviderReports(deps.store, delivered, params.min_score_to_qualify, isoOf(at));
      result.runs += 1;
      result.lastRunAt = isoOf(at);
      onRun(i + 1, instants.length);
    }
    await deps.readModel.catchUp();
    await deps.readModel.refreshConversionMetrics();
  } finally {
    result.sink = sink.stats();
    result.engagementApiRequests = api.requests();
    await Promise.all([sink.close(), api.close()]);
  }
  return result;
}

function collectErrors(report: RunReport, into: string[]): void {
  if (report.status === 'skipped') throw new Error(`run ${report.runId} was skipped: another run holds the lock`);
  for (const step of report.steps) {
    for (const error of step.errors) into.push(`${report.now} ${step.step}: ${error}`);
  }
  if (report.status === 'failed') {
    const failed = report.steps.filter((s) => s.status === 'failed').map((s) => `${s.step}: ${s.errors[0] ?? 'failed'}`);
    throw new Error(`the run as of ${report.now} failed: ${failed.join('; ')}`);
  }
}
