import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString } from 'class-validator';
import { ENGAGEMENT_TYPES } from './engagement-command.js';
import { SequenceCommandRequestDto } from './sequence-command.request.dto.js';
import { MAX_PROVIDER_ID_LENGTH, MAX_URL_LENGTH } from '../../../domain/shared/input-limits.js';
import { Bounded } from '../shared/bounded.decorator.js';
import { MAX_INSTANT_LENGTH, MAX_WORD_LENGTH } from '../shared/request-limits.js';

export class RecordEngagementRequestDto extends SequenceCommandRequestDto {
  @ApiProperty({ enum: ENGAGEMENT_TYPES, example: 'replied' })
  @IsString()
  @Bounded(MAX_WORD_LENGTH)
  event_type!: string;

  @ApiProperty({ example: 'sg_evt_8f2c1', description: 'The provider\'s id of this fact; a repeated id is recorded once.' })
  @IsString()
  @Bounded(MAX_PROVIDER_ID_LENGTH)
  provider_event_id!: string;

  @ApiProperty({ example: '2025-01-15T10:30:00Z', description: 'ISO-8601 instant the engagement happened.' })
  @IsString()
  @Bounded(MAX_INSTANT_LENGTH)
  occurred_at!: string;

  @ApiPropertyOptional({ example: 1, description: 'The step whose email it concerns (default: the last step sent).' })
  @IsOptional()
  @IsInt()
  step?: number | null;

  @ApiPropertyOptional({ example: 'https://example.com/pricing', description: 'The clicked link (clicked only).' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_URL_LENGTH)
  url?: string | null;

  @ApiPropertyOptional({ enum: ['hard', 'soft'], description: 'For bounced (default hard; a hard bounce stops the sequence).' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_WORD_LENGTH)
  bounce_kind?: string | null;

  @ApiPropertyOptional({ description: 'An open by a privacy proxy or scanner: recorded, never scored (opened only).' })
  @IsOptional()
  @IsBoolean()
  machine_open?: boolean | null;
}
