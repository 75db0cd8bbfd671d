import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../application/queries/list-sequences/list-sequences.query.js';
import { SEQUENCE_STATUSES } from '../../../application/queries/read-side/sequence-read-model.port.js';

export class ListSequencesRequestDto {
  @ApiPropertyOptional({ enum: SEQUENCE_STATUSES })
  @IsOptional()
  @IsString()
  status?: string;

  @ApiPropertyOptional({ example: 'lead_123' })
  @IsOptional()
  @IsString()
  lead_ext_id?: string;

  @ApiPropertyOptional({ example: 'default_cold_lead_nurturing', description: 'A template name or id.' })
  @IsOptional()
  @IsString()
  template?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  limit?: number;

  @ApiPropertyOptional({ description: 'next_cursor of the previous page.' })
  @IsOptional()
  @IsString()
  cursor?: string;
}
