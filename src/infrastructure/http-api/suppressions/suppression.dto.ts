import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { Suppression } from '../../../application/ports/suppression-list.js';
import { MAX_EMAIL_LENGTH, MAX_NOTE_LENGTH } from '../../../domain/shared/input-limits.js';
import { Bounded } from '../shared/bounded.decorator.js';
import { MAX_WORD_LENGTH } from '../shared/request-limits.js';

export class AddSuppressionRequestDto {
  @ApiProperty({ example: 'someone@example.com', description: 'The address; kept trimmed and lower-case.' })
  @IsString()
  @Bounded(MAX_EMAIL_LENGTH)
  email!: string;

  @ApiPropertyOptional({ enum: ['manual', 'bounced', 'unsubscribed', 'complained'], default: 'manual' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_WORD_LENGTH)
  reason?: string | null;

  @ApiPropertyOptional({ example: 'asked by phone', description: 'Why (free text, at most 500 characters).' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_NOTE_LENGTH)
  note?: string | null;
}

export class ListSuppressionsRequestDto {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'next_cursor of the previous page' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_EMAIL_LENGTH)
  cursor?: string;
}

export class SuppressionDto {
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['manual', 'bounced', 'unsubscribed', 'complained'] }) reason!: string;
  @ApiProperty({ type: String, nullable: true, description: 'sequence (an event of sequence_id), operator, or what an analyst wrote' }) source!: string | null;
  @ApiProperty({ type: Number, nullable: true }) sequence_id!: number | null;
  @ApiProperty() suppressed_at!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class SuppressionPageDto {
  @ApiProperty({ type: [SuppressionDto] }) items!: SuppressionDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor!: string | null;
}

export const suppressionJson = (s: Suppression): SuppressionDto => ({
  email: s.email,
  reason: s.reason,
  source: s.source,
  sequence_id: s.sequenceId,
  suppressed_at: s.suppressedAt,
  note: s.note,
});
