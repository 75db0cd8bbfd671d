import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../application/queries/list-sequences/list-sequences.query.js';
import { SEQUENCE_STATUSES } from '../../../application/queries/read-side/sequence-read-model.port.js';
import { MAX_EXT_ID_LENGTH, MAX_TEMPLATE_NAME_LENGTH } from '../../../domain/shared/input-limits.js';
import { Bounded } from '../shared/bounded.decorator.js';
import { MAX_NUMERIC_CURSOR_LENGTH, MAX_WORD_LENGTH } from '../shared/request-limits.js';

export class ListSequencesRequestDto {
  @ApiPropertyOptional({ enum: SEQUENCE_STATUSES })
  @IsOptional()
  @IsString()
  @Bounded(MAX_WORD_LENGTH)
  status?: string;

  @ApiPropertyOptional({ example: 'lead_123' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_EXT_ID_LENGTH)
  lead_ext_id?: string;

  @ApiPropertyOptional({ example: 'default_cold_lead_nurturing', description: 'A template name or id.' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_TEMPLATE_NAME_LENGTH)
  template?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  limit?: number;

  @ApiPropertyOptional({ description: 'next_cursor of the previous page.' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_NUMERIC_CURSOR_LENGTH)
  cursor?: string;
}
