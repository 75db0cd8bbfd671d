import { ApiProperty } from '@nestjs/swagger';

/** What every sequence command answers: the stream revision after it (for `expected_revision`). */
export class SequenceCommandResponseDto {
  @ApiProperty({ example: 123, description: 'The sequence (lead_nurturing_sequences.id).' })
  sequence_id!: number;

  @ApiProperty({
    example: 4,
    description:
      'Revision of the sequence\'s event stream after the command (0-based position of its last event), a JSON ' +
      'number. Send it back as expected_revision to act only if nothing changed meanwhile.',
  })
  revision!: number;
}

export class EngagementResponseDto extends SequenceCommandResponseDto {
  @ApiProperty({ description: 'False when this provider_event_id was already recorded (nothing changed).' })
  recorded!: boolean;
}

export class EnrolledTemplateDto {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 'default_cold_lead_nurturing' })
  name!: string;
}

export class EnrollLeadResponseDto extends SequenceCommandResponseDto {
  @ApiProperty({ type: () => EnrolledTemplateDto, description: 'The template the sequence follows (a snapshot of its steps).' })
  template!: EnrolledTemplateDto;
}
