import { ApiProperty } from '@nestjs/swagger';
import { SequenceDto } from './sequence.response.dto.js';

const at = { type: String, format: 'date-time', nullable: true };

/** A row of lead_nurturing_events: one email of the sequence. */
export class SequenceEmailDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sequence_id!: number;
  @ApiProperty() lead_ext_id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() step_number!: number;
  @ApiProperty({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty({ enum: ['sent', 'failed', 'bounced', 'dry_run'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) provider_message_id!: string | null;
  @ApiProperty(at) sent_at!: string | null;
  @ApiProperty(at) delivered_at!: string | null;
  @ApiProperty(at) opened_at!: string | null;
  @ApiProperty(at) clicked_at!: string | null;
  @ApiProperty(at) replied_at!: string | null;
  @ApiProperty(at) bounced_at!: string | null;
  @ApiProperty() open_count!: number;
  @ApiProperty() click_count!: number;
  @ApiProperty() reply_count!: number;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) last_event_at!: string;
}

/** A row of lead_nurturing_engagement_summary. Rates are fractions 0..1 of the emails sent. */
export class EngagementSummaryDto {
  @ApiProperty() sequence_id!: number;
  @ApiProperty() total_emails_sent!: number;
  @ApiProperty() total_emails_delivered!: number;
  @ApiProperty() total_emails_opened!: number;
  @ApiProperty() total_emails_clicked!: number;
  @ApiProperty() total_emails_replied!: number;
  @ApiProperty() total_emails_bounced!: number;
  @ApiProperty() total_opens!: number;
  @ApiProperty() total_clicks!: number;
  @ApiProperty() total_replies!: number;
  @ApiProperty() open_rate!: number;
  @ApiProperty() click_rate!: number;
  @ApiProperty() reply_rate!: number;
  @ApiProperty() engagement_score!: number;
  @ApiProperty(at) last_engagement_at!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) last_event_at!: string;
}

export class SequenceDetailDto {
  @ApiProperty({ type: () => SequenceDto }) sequence!: SequenceDto;
  @ApiProperty({ type: () => [SequenceEmailDto], description: 'Its emails, in step order.' }) emails!: SequenceEmailDto[];
  @ApiProperty({ type: () => EngagementSummaryDto, nullable: true }) engagement_summary!: EngagementSummaryDto | null;
}
