// One nurturing run: the specification's DAG, step by step, under the run lock. Each step is
// timed and its counts and errors recorded; a failed step is reported and the run goes on
// (except ensure_schema, without which nothing can run).
import { randomBytes } from 'node:crypto';
import type { PipelineDeps } from './pipeline-deps.js';
import { dryRunDeps } from './dry-run/dry-run-deps.js';
import { previewOf } from './dry-run/dry-run-preview.js';
import { runWarnings } from './public-url-warning.js';
import { redactParameters } from './redact-parameters.js';
import type { RunContext } from './run-context.js';
import type { RunParameters } from './run-parameters.js';
import { type PipelineStepName, type RunReport, StepRecorder, type StepReport } from './run-report.js';
import { autoPauseInactiveSequences } from './steps/auto-pause.js';
import { exportMetricsToS3 } from './steps/export-metrics.js';
import { getOrCreateSequenceTemplate } from './steps/get-or-create-template.js';
import { identifyColdLeads } from './steps/identify-cold-leads.js';
import { notifySummary } from './steps/notify-summary.js';
import { refreshConversionMetrics } from './steps/refresh-metrics.js';
import { sendScheduledEmails } from './steps/send-scheduled-emails.js';
import { startNurturingSequences } from './steps/start-sequences.js';
import { updateEngagement } from './steps/update-engagement.js';

type Step = (ctx: RunContext, deps: PipelineDeps, rec: StepRecorder) => Promise<void>;

const STEPS: [PipelineStepName, Step][] = [
  ['identify_cold_leads', identifyColdLeads],
  ['get_or_create_sequence_template', getOrCreateSequenceTemplate],
  ['start_nurturing_sequences', startNurturingSequences],
  ['send_scheduled_emails', sendScheduledEmails],
  ['update_engagement', updateEngagement],
  ['auto_pause_inactive_sequences', autoPauseInactiveSequences],
  ['refresh_conversion_metrics', refreshConversionMetrics],
];

export interface RunRequest {
  params: RunParameters;
  /** The instant time rules are evaluated against (default: the wall clock). */
  now?: string;
  runId?: string;
  /** Called as each step ends (progress output). */
  onStep?: (step: StepReport) => void;
}

export const newRunId = (now: Date = new Date()): string =>
  `run_${now.toISOString().replace(/[-:.]/g, '').slice(0, 15)}_${randomBytes(3).toString('hex')}`;

export class NurturingRunner {
  constructor(private readonly deps: PipelineDeps) {}

  async run(request: RunRequest): Promise<RunReport> {
    const startedAt = new Date();
    const now = request.now ?? startedAt.toISOString();
    const runId = request.runId ?? newRunId(startedAt);
    const report: RunReport = {
      runId,
      now,
      startedAt: startedAt.toISOString(),
      finishedAt: startedAt.toISOString(),
      dryRun: request.params.dry_run,
      status: 'succeeded',
      parameters: redactParameters(request.params),
      steps: [],
      warnings: runWarnings(request.params, this.deps.publicUrl),
    };
    const ctx: RunContext = {
      runId,
      now,
      params: request.params,
      coldLeads: [],
      templates: null,
      sendBudget: request.params.max_emails_per_run,
      previewEmails: request.params.dry_run ? [] : null,
    };
    // A dry run decides everything on the real data and keeps its writes in memory.
    const dryRun = request.params.dry_run ? dryRunDeps(this.deps) : null;
    const deps = dryRun?.deps ?? this.deps;
    const record = async (name: PipelineStepName, work: (rec: StepRecorder) => Promise<void>): Promise<boolean> => {
      const rec = new StepRecorder();
      const t0 = performance.now();
      let ok = true;
      try {
        await work(rec);
      } catch (error) {
        ok = false;
        rec.error(error instanceof Error ? error.message : String(error));
      }
      const step: StepReport = {
        step: name,
        status: ok ? 'ok' : 'failed',
        durationMs: Math.round(performance.now() - t0),
        counts: rec.counts,
        errors: rec.errors,
        notes: rec.notes,
      };
      if (!ok) report.status = 'failed';
      report.steps.push(step);
      request.onStep?.(step);
      return ok;
    };

    const schemaReady = await record('ensure_schema', async (rec) => {
      const applied = await this.deps.ensureSchema();
      rec.set('migrations_applied', applied.length);
    });
    if (!schemaReady) return this.finish(report);

    if (!(await this.deps.coordination.tryStartRun(runId))) {
      report.status = 'skipped';
      report.steps.push(skipped('identify_cold_leads', 'another run holds the lock'));
      return this.finish(report, false);
    }
    try {
      for (const [name, step] of STEPS) await record(name, (rec) => step(ctx, deps, rec));
      if (dryRun) report.preview = previewOf(dryRun.overlay, ctx.previewEmails ?? []);
      await record('notify_summary', (rec) => notifySummary(ctx, deps, rec, { ...report, finishedAt: new Date().toISOString() }));
      if (request.params.export_metrics_to_s3) await this.exportStep(report, ctx, deps, record);
    } finally {
      await this.deps.coordination.finishRun(runId);
    }
    return this.finish(report);
  }

  /** The run report is stored before the upload, so a failed (or hung) export loses none of it. */
  private async exportStep(report: RunReport, ctx: RunContext, deps: PipelineDeps, record: (name: PipelineStepName, work: (rec: StepRecorder) => Promise<void>) => Promise<boolean>): Promise<void> {
    if (report.dryRun) {
      report.steps.push(skipped('export_metrics_to_s3', 'dry run: nothing uploaded'));
      return;
    }
    await this.deps.reports.save({ ...report, finishedAt: new Date().toISOString() });
    const exported = { ...report, steps: [...report.steps] };
    await record('export_metrics_to_s3', (rec) => exportMetricsToS3(ctx, deps, rec, exported));
  }

  private async finish(report: RunReport, store = true): Promise<RunReport> {
    report.finishedAt = new Date().toISOString();
    if (store) await this.deps.reports.save(report);
    return report;
  }
}

const skipped = (step: PipelineStepName, note: string): StepReport => ({ step, status: 'skipped', durationMs: 0, counts: {}, errors: [], notes: [note] });
