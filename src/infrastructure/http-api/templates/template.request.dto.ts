import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString } from 'class-validator';
import { TEMPLATE_FIELDS } from '../../../domain/templates/template-fields.js';
import { DEFAULT_FALLBACK_MAX_LENGTH } from '../../../domain/templates/template.js';
import { MAX_DESCRIPTION_LENGTH, MAX_TEMPLATE_NAME_LENGTH, MAX_TEMPLATE_STEPS } from '../../../domain/shared/input-limits.js';
import { Bounded } from '../shared/bounded.decorator.js';

/** One item of steps_config (documentation: the items are validated by the domain, every error listed). */
export class TemplateStepDto {
  @ApiProperty({ example: 1, description: 'Step number; steps are numbered 1..n.' }) step!: number;
  @ApiProperty({ example: 2, description: 'Days after the previous step\'s send (step 1: after the start).' }) delay_days!: number;
  @ApiProperty({
    example: '{{first_name}}, acceso VIP',
    description: `Logic-less: {{field}} or {{field | default}}; field is one of ${TEMPLATE_FIELDS.join(', ')} (any other is a 422).`,
  })
  subject_template!: string;
  @ApiProperty({ example: 'Contenido personalizado para VIP...' }) body_template!: string;
}

/** A template, as the specification's INSERT writes it (POST creates, PUT replaces). */
export class TemplateRequestDto {
  @ApiProperty({ example: 'vip_nurturing' })
  @IsString()
  @Bounded(MAX_TEMPLATE_NAME_LENGTH)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Secuencia para leads VIP' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_DESCRIPTION_LENGTH)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'high', description: 'leads.priority it is for; null = any.' })
  @IsOptional()
  @IsString()
  @Bounded(MAX_TEMPLATE_NAME_LENGTH)
  priority_filter?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, default: 0 })
  @IsOptional()
  @IsInt()
  min_score?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, default: 100 })
  @IsOptional()
  @IsInt()
  max_score?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 3, description: 'Declared count; the steps present are the truth (a mismatch is a warning).' })
  @IsOptional()
  @IsInt()
  total_steps?: number | null;

  @ApiProperty({ type: () => [TemplateStepDto] })
  @IsArray()
  @ArrayMaxSize(MAX_TEMPLATE_STEPS, { message: `steps_config must have at most ${MAX_TEMPLATE_STEPS} steps` })
  steps_config!: unknown[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'A reply that does not qualify the lead stops the sequence (reason replied); null = the service\'s stop_on_reply.' })
  @IsOptional()
  @IsBoolean()
  stop_on_reply?: boolean | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: DEFAULT_FALLBACK_MAX_LENGTH,
    example: 'amigo',
    description: 'What a field the lead has no value for renders as, when its placeholder has no {{field | default}}; ' +
      'null = nothing, and the text is closed up ("{{first_name}}, acceso VIP" renders "Acceso VIP"). One line of plain text.',
  })
  @IsOptional()
  @IsString()
  default_fallback?: string | null;
}
