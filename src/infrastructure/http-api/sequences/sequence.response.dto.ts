import { ApiProperty } from '@nestjs/swagger';
import { SEQUENCE_STATUSES } from '../../../application/queries/read-side/sequence-read-model.port.js';

const at = (description: string) => ({ type: String, format: 'date-time', nullable: true, description });

/** A row of lead_nurturing_sequences (column names as in SQL). */
export class SequenceDto {
  @ApiProperty() id!: number;
  @ApiProperty() lead_ext_id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) first_name!: string | null;
  @ApiProperty({ type: Number, nullable: true }) template_id!: number | null;
  @ApiProperty({ description: 'The template\'s name.' }) sequence_name!: string;
  @ApiProperty({ description: 'Last step sent (0 = none yet).' }) current_step!: number;
  @ApiProperty() total_steps!: number;
  @ApiProperty({ enum: SEQUENCE_STATUSES }) status!: string;
  @ApiProperty({ type: Number, nullable: true }) base_score!: number | null;
  @ApiProperty() engagement_score!: number;
  @ApiProperty({ description: 'base_score (null = 0) + engagement_score.' }) total_score!: number;
  @ApiProperty({ type: String, format: 'date-time' }) started_at!: string;
  @ApiProperty(at('When the next step is due.')) next_send_at!: string | null;
  @ApiProperty(at('')) last_sent_at!: string | null;
  @ApiProperty(at('Latest open (not machine), click or reply.')) last_engagement_at!: string | null;
  @ApiProperty({ description: 'Percent of the steps sent.' }) completion_rate!: number;
  @ApiProperty(at('')) qualified_at!: string | null;
  @ApiProperty(at('')) paused_at!: string | null;
  @ApiProperty(at('')) completed_at!: string | null;
  @ApiProperty(at('')) stopped_at!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['inactive', 'manual'] }) pause_reason!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['bounced', 'unsubscribed', 'complained', 'manual', 'send_failed'] }) stop_reason!: string | null;
  @ApiProperty({ description: 'Revision of the sequence\'s stream this row reflects.' }) stream_revision!: number;
  @ApiProperty({ type: String, format: 'date-time' }) last_event_at!: string;
}

export class SequencePageDto {
  @ApiProperty({ type: () => [SequenceDto] })
  items!: SequenceDto[];

  @ApiProperty({ type: String, nullable: true, example: '150', description: 'Pass as cursor for the next page; null on the last page.' })
  next_cursor!: string | null;
}
