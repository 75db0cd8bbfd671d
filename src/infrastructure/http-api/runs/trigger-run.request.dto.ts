import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString } from 'class-validator';
import { PARAMETER_NAMES } from '../../../application/pipeline/run-parameters.js';
import { Bounded } from '../shared/bounded.decorator.js';
import { MAX_INSTANT_LENGTH } from '../shared/request-limits.js';

export class TriggerRunRequestDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: `Overrides of the run parameters for this run only (the specification's "manual trigger with conf"), over NURTURE_<NAME> environment values. Names: ${PARAMETER_NAMES.join(', ')}.`,
    example: { max_leads_per_run: 10, dry_run: true },
  })
  @IsOptional()
  @IsObject()
  parameters?: Record<string, unknown> | null;

  @ApiPropertyOptional({ example: '2025-01-15T10:30:00Z', description: 'The instant the run evaluates its time rules against (default: now): simulations, backfills.' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_INSTANT_LENGTH)
  now?: string | null;
}
