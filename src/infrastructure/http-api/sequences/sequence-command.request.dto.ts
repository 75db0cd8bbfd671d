import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsRevision } from '../shared/revision.js';

/** Body of pause, resume and stop (all optional; an empty body or none at all is fine). */
export class SequenceCommandRequestDto {
  @ApiPropertyOptional({
    oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^\\d+$' }],
    example: 3,
    description: 'Act only if the sequence is still at this revision (else 409).',
  })
  @IsOptional()
  @IsRevision()
  expected_revision?: number | string | null;
}
