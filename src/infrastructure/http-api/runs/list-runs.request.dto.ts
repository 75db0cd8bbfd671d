import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional } from 'class-validator';
import { DEFAULT_RUNS_LIMIT, MAX_RUNS_LIMIT } from '../../../application/queries/runs/list-runs.query.js';

export class ListRunsRequestDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_RUNS_LIMIT, default: DEFAULT_RUNS_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  limit?: number;
}
