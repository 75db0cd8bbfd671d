import { ApiProperty } from '@nestjs/swagger';

export class LeadHistoryEventDto {
  @ApiProperty() sequence_id!: number;
  @ApiProperty({ description: 'Position of the event in its sequence\'s stream (0-based).' }) revision!: number;
  @ApiProperty({ description: 'Position in the global log; events are listed in log order.' }) global_position!: number;
  @ApiProperty({ example: 'EmailSent' }) type!: string;
  @ApiProperty() schema_version!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it happened (the event\'s occurredAt).' })
  occurred_at!: string | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it was written to the log.' }) recorded_at!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event as stored.' }) data!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Causation: the command, and the run (runId) or HTTP request (source, requestId, apiKey fingerprint) behind it.',
    example: { command: 'RecordEngagement', source: 'http', requestId: '7c0e…', apiKey: 'sha256:1a2b3c4d5e6f' },
  })
  metadata!: Record<string, unknown>;
}

export class LeadHistoryDto {
  @ApiProperty() lead_ext_id!: string;
  @ApiProperty({ type: [Number], description: 'The lead\'s sequences, oldest first.' }) sequence_ids!: number[];
  @ApiProperty({ type: () => [LeadHistoryEventDto] }) events!: LeadHistoryEventDto[];
}
