import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { MAX_EXT_ID_LENGTH, MAX_TEMPLATE_NAME_LENGTH } from '../../../domain/shared/input-limits.js';
import { Bounded } from '../shared/bounded.decorator.js';
import { MAX_INSTANT_LENGTH } from '../shared/request-limits.js';

export class EnrollLeadRequestDto {
  @ApiProperty({ example: 'lead_123', description: 'leads.ext_id of a lead with an email address.' })
  @IsString()
  @Bounded(MAX_EXT_ID_LENGTH)
  lead_ext_id!: string;

  @ApiPropertyOptional({ example: 3, description: 'Template to follow, by id. Default: the template a run would choose for the lead, else default_cold_lead_nurturing.' })
  @IsOptional()
  @IsInt()
  template_id?: number | null;

  @ApiPropertyOptional({ example: 'vip_nurturing', description: 'Template to follow, by name (instead of template_id).' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_TEMPLATE_NAME_LENGTH)
  template_name?: string | null;

  @ApiPropertyOptional({ example: '2025-01-15T10:30:00Z', description: 'ISO-8601 instant the sequence starts at (default: now); step 1 is due delay_days after it.' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_INSTANT_LENGTH)
  now?: string | null;
}
