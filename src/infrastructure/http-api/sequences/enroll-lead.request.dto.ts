import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString } from 'class-validator';

export class EnrollLeadRequestDto {
  @ApiProperty({ example: 'lead_123', description: 'leads.ext_id of a lead with an email address.' })
  @IsString()
  lead_ext_id!: string;

  @ApiPropertyOptional({ example: 3, description: 'Template to follow, by id. Default: the template a run would choose for the lead, else default_cold_lead_nurturing.' })
  @IsOptional()
  @IsInt()
  template_id?: number | null;

  @ApiPropertyOptional({ example: 'vip_nurturing', description: 'Template to follow, by name (instead of template_id).' })
  @IsOptional()
  @IsString()
  template_name?: string | null;

  @ApiPropertyOptional({ example: '2025-01-15T10:30:00Z', description: 'ISO-8601 instant the sequence starts at (default: now); step 1 is due delay_days after it.' })
  @IsOptional()
  @IsString()
  now?: string | null;
}
