import { ApiProperty } from '@nestjs/swagger';
import { TemplateStepDto } from './template.request.dto.js';

/** A row of nurturing_sequence_templates. */
export class TemplateDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true }) priority_filter!: string | null;
  @ApiProperty() min_score!: number;
  @ApiProperty() max_score!: number;
  @ApiProperty() total_steps!: number;
  @ApiProperty({ type: () => [TemplateStepDto] }) steps_config!: unknown;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: Boolean, nullable: true }) stop_on_reply!: boolean | null;
  @ApiProperty({ type: String, nullable: true, example: 'amigo' }) default_fallback!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
}

export class FieldErrorDto {
  @ApiProperty({ example: 'steps_config[1].delay_days' }) field!: string;
  @ApiProperty({ example: 'must be a number >= 0' }) message!: string;
}

export class SavedTemplateDto {
  @ApiProperty({ type: () => TemplateDto }) template!: TemplateDto;
  @ApiProperty({ type: [String], example: ['total_steps is 3 but steps_config has 2 steps; using 2'] }) warnings!: string[];
}

export class TemplateListItemDto extends SavedTemplateDto {
  @ApiProperty({ description: 'Whether runs can use it; invalid templates are skipped and reported by runs.' }) valid!: boolean;
  @ApiProperty({ type: () => [FieldErrorDto] }) errors!: FieldErrorDto[];
}

export class TemplateListDto {
  @ApiProperty({ type: () => [TemplateListItemDto] }) items!: TemplateListItemDto[];
}
