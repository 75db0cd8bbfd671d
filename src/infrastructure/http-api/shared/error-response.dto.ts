import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every error answer (see ErrorFilter). */
export class ErrorResponseDto {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({ example: 'Unprocessable Entity' })
  error!: string;

  @ApiProperty({
    description: 'What is wrong; a list when there are several problems (each naming its field).',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'event_type: must be one of delivered, opened, clicked, replied, bounced, unsubscribed, complained, got "read"',
  })
  message!: string | string[];

  @ApiPropertyOptional({ description: 'The offending request field, when there is one.', example: 'event_type' })
  field?: string;
}
