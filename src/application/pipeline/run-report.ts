// What a run did, step by step: counts, duration and errors. Logged, returned, stored.
import type { DryRunPreview } from './dry-run/dry-run-preview.js';

export const PIPELINE_STEPS = [
  'ensure_schema',
  'identify_cold_leads',
  'get_or_create_sequence_template',
  'start_nurturing_sequences',
  'send_scheduled_emails',
  'update_engagement',
  'auto_pause_inactive_sequences',
  'refresh_conversion_metrics',
  'notify_summary',
] as const;

/** The specification's steps and, when export_metrics_to_s3 is true, the export after them. */
export const RUN_STEPS = [...PIPELINE_STEPS, 'export_metrics_to_s3'] as const;

export type PipelineStepName = (typeof RUN_STEPS)[number];

export interface StepReport {
  step: PipelineStepName;
  status: 'ok' | 'failed' | 'skipped';
  durationMs: number;
  counts: Record<string, number>;
  /** One line each; never secrets or email bodies. */
  errors: string[];
  notes: string[];
}

export interface RunReport {
  runId: string;
  /** The instant the run evaluated its time rules against. */
  now: string;
  startedAt: string;
  finishedAt: string;
  dryRun: boolean;
  status: 'succeeded' | 'failed' | 'skipped';
  /** Parameters in force, secrets redacted. */
  parameters: Record<string, unknown>;
  steps: StepReport[];
  /** What the operator should know about the run as a whole (e.g. unsubscribe links that reach nothing). */
  warnings: string[];
  /** A dry run's would-be starts, emails (rendered), qualifications, pauses and stops. */
  preview?: DryRunPreview;
}

/** Collects a step's counts, errors and notes while it runs. */
export class StepRecorder {
  readonly counts: Record<string, number> = {};
  readonly errors: string[] = [];
  readonly notes: string[] = [];

  count(name: string, by = 1): void {
    this.counts[name] = (this.counts[name] ?? 0) + by;
  }

  set(name: string, value: number): void {
    this.counts[name] = value;
  }

  error(message: string): void {
    if (this.errors.length < 100) this.errors.push(message);
    else if (this.errors.length === 100) this.errors.push('… more errors omitted');
  }

  note(message: string): void {
    this.notes.push(message);
  }
}

export const stepCount = (report: RunReport, step: PipelineStepName, name: string): number =>
  report.steps.find((s) => s.step === step)?.counts[name] ?? 0;
