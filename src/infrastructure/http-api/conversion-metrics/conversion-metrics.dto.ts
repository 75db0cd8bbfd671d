import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { Bounded } from '../shared/bounded.decorator.js';
import { MAX_INSTANT_LENGTH } from '../shared/request-limits.js';

export class ConversionMetricsRequestDto {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First UTC day (inclusive), YYYY-MM-DD.' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_INSTANT_LENGTH)
  from?: string;

  @ApiPropertyOptional({ example: '2025-01-31', description: 'Last UTC day (inclusive), YYYY-MM-DD.' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_INSTANT_LENGTH)
  to?: string;
}

/** A row of mv_nurturing_conversion_metrics: the cohort of sequences started that UTC day. */
export class ConversionMetricsRowDto {
  @ApiProperty({ example: '2025-01-15', format: 'date' }) date!: string;
  @ApiProperty() total_sequences_started!: number;
  @ApiProperty({ description: 'Sequences of the cohort whose lead has qualified so far.' }) leads_qualified!: number;
  @ApiProperty({ description: '100 * leads_qualified / total_sequences_started.' }) conversion_rate_pct!: number;
  @ApiProperty({ description: 'The cohort\'s emails with status sent.' }) emails_sent!: number;
  @ApiProperty({ description: '100 * emails opened / emails_sent.' }) open_rate_pct!: number;
  @ApiProperty({ description: '100 * emails clicked / emails_sent.' }) click_rate_pct!: number;
  @ApiProperty({ description: '100 * emails replied to / emails_sent.' }) reply_rate_pct!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean days from start to qualified_at.' }) avg_days_to_qualify!: number | null;
}

export class ConversionMetricsResponseDto {
  @ApiProperty({ type: () => [ConversionMetricsRowDto], description: 'One row per day, oldest first, as of the last refresh (each pipeline run).' })
  rows!: ConversionMetricsRowDto[];
}
