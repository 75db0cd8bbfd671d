import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString } from 'class-validator';
import { ENGAGEMENT_TYPES } from './engagement-command.js';
import { SequenceCommandRequestDto } from './sequence-command.request.dto.js';

export class RecordEngagementRequestDto extends SequenceCommandRequestDto {
  @ApiProperty({ enum: ENGAGEMENT_TYPES, example: 'replied' })
  @IsString()
  event_type!: string;

  @ApiProperty({ example: 'sg_evt_8f2c1', description: 'The provider\'s id of this fact; a repeated id is recorded once.' })
  @IsString()
  provider_event_id!: string;

  @ApiProperty({ example: '2025-01-15T10:30:00Z', description: 'ISO-8601 instant the engagement happened.' })
  @IsString()
  occurred_at!: string;

  @ApiPropertyOptional({ example: 1, description: 'The step whose email it concerns (default: the last step sent).' })
  @IsOptional()
  @IsInt()
  step?: number | null;

  @ApiPropertyOptional({ example: 'https://example.com/pricing', description: 'The clicked link (clicked only).' })
  @IsOptional()
  @IsString()
  url?: string | null;

  @ApiPropertyOptional({ enum: ['hard', 'soft'], description: 'For bounced (default hard; a hard bounce stops the sequence).' })
  @IsOptional()
  @IsString()
  bounce_kind?: string | null;

  @ApiPropertyOptional({ description: 'An open by a privacy proxy or scanner: recorded, never scored (opened only).' })
  @IsOptional()
  @IsBoolean()
  machine_open?: boolean | null;
}
