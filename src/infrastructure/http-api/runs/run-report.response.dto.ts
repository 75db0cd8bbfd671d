import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RUN_STEPS, type RunReport } from '../../../application/pipeline/run-report.js';

export class StepReportDto {
  @ApiProperty({ enum: RUN_STEPS }) step!: string;
  @ApiProperty({ enum: ['ok', 'failed', 'skipped'] }) status!: string;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { sequences_started: 3 } }) counts!: Record<string, number>;
  @ApiProperty({ type: [String] }) errors!: string[];
  @ApiProperty({ type: [String] }) notes!: string[];
}

/** A run's report, as returned by POST /runs and stored in lead_nurturing_runs. */
export class RunReportDto {
  @ApiProperty({ example: 'run_20250115T103000_a1b2c3' }) run_id!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'The instant time rules were evaluated against (as_of).' }) now!: string;
  @ApiProperty({ type: String, format: 'date-time' }) started_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) finished_at!: string;
  @ApiProperty() dry_run!: boolean;
  @ApiProperty({ enum: ['succeeded', 'failed', 'skipped'] }) status!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Parameters in force; webhook URLs reduced to their origin.' })
  parameters!: Record<string, unknown>;
  @ApiProperty({ type: () => [StepReportDto], description: 'Per step, in pipeline order.' }) steps!: StepReportDto[];
  @ApiProperty({
    type: [String],
    description: 'About the run as a whole, e.g. that NURTURE_PUBLIC_URL is unset or local while the run sends for real (unsubscribe links would reach nothing).',
  })
  warnings!: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Dry runs only (not stored): would_start, would_send (the rendered emails), would_qualify, would_pause, would_stop, would_record.',
  })
  preview?: Record<string, unknown>;
}

export class RunListDto {
  @ApiProperty({ type: () => [RunReportDto], description: 'Newest first.' }) items!: RunReportDto[];
}

export const runReportDto = (r: RunReport): RunReportDto => ({
  run_id: r.runId,
  now: r.now,
  started_at: r.startedAt,
  finished_at: r.finishedAt,
  dry_run: r.dryRun,
  status: r.status,
  parameters: r.parameters,
  steps: r.steps,
  warnings: r.warnings,
  ...(r.preview ? { preview: r.preview as unknown as Record<string, unknown> } : {}),
});
