import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { DEFAULT_REPORTS_LIMIT, MAX_REPORTS_LIMIT } from '../../../application/queries/reports/report.queries.js';
import { Bounded } from '../shared/bounded.decorator.js';
import { MAX_WORD_LENGTH } from '../shared/request-limits.js';

export class ListReportsRequestDto {
  @ApiPropertyOptional({ enum: ['weekly', 'monthly'], description: 'Only reports of this kind.' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_WORD_LENGTH)
  kind?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_REPORTS_LIMIT, default: DEFAULT_REPORTS_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  limit?: number;
}

export class ReportCsvRequestDto {
  @ApiPropertyOptional({ description: 'Another CSV of a monthly report: top-templates, top-steps or trends. Without it, the main CSV (weekly: the days; monthly: the month beside the previous one).' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_WORD_LENGTH)
  name?: string;
}

export class ReportListingDto {
  @ApiProperty({ example: 'weekly-2026-W48' }) id!: string;
  @ApiProperty({ enum: ['weekly', 'monthly'] }) kind!: string;
  @ApiProperty({ example: '2026-W48' }) label!: string;
  @ApiProperty({ description: 'Period start (inclusive, UTC).' }) start!: string;
  @ApiProperty({ description: 'Period end (exclusive, UTC).' }) end!: string;
  @ApiProperty() generated_at!: string;
}

export class ReportListDto {
  @ApiProperty({ type: () => [ReportListingDto], description: 'Newest period first.' }) items!: ReportListingDto[];
}
