// Rows of the read tables as queries return them: the tables' own snake_case column names,
// timestamps as ISO-8601 strings, ids as numbers.
import type { SequenceStatus } from '../../../domain/sequence/state.js';

export type StoredSequenceStatus = Exclude<SequenceStatus, 'none'>;
export const SEQUENCE_STATUSES: readonly StoredSequenceStatus[] = ['active', 'paused', 'completed', 'stopped', 'qualified'];

/** A row of `lead_nurturing_sequences`. */
export interface SequenceRow {
  id: number;
  lead_ext_id: string;
  email: string;
  first_name: string | null;
  template_id: number | null;
  sequence_name: string;
  current_step: number;
  total_steps: number;
  status: StoredSequenceStatus;
  base_score: number | null;
  engagement_score: number;
  total_score: number;
  started_at: string;
  next_send_at: string | null;
  last_sent_at: string | null;
  last_engagement_at: string | null;
  completion_rate: number;
  qualified_at: string | null;
  paused_at: string | null;
  completed_at: string | null;
  stopped_at: string | null;
  pause_reason: string | null;
  stop_reason: string | null;
  stream_revision: number;
  last_event_at: string;
}

/** A row of `lead_nurturing_events` (one email of a sequence). */
export interface SequenceEmailRow {
  id: string;
  sequence_id: number;
  lead_ext_id: string;
  email: string;
  step_number: number;
  subject: string | null;
  status: 'sent' | 'failed' | 'bounced' | 'dry_run';
  provider_message_id: string | null;
  sent_at: string | null;
  delivered_at: string | null;
  opened_at: string | null;
  clicked_at: string | null;
  replied_at: string | null;
  bounced_at: string | null;
  open_count: number;
  click_count: number;
  reply_count: number;
  attempts: number;
  error: string | null;
  metadata: Record<string, unknown>;
  last_event_at: string;
}

/** A row of `lead_nurturing_engagement_summary`. */
export interface EngagementSummaryRow {
  sequence_id: number;
  total_emails_sent: number;
  total_emails_delivered: number;
  total_emails_opened: number;
  total_emails_clicked: number;
  total_emails_replied: number;
  total_emails_bounced: number;
  total_opens: number;
  total_clicks: number;
  total_replies: number;
  open_rate: number;
  click_rate: number;
  reply_rate: number;
  engagement_score: number;
  last_engagement_at: string | null;
  last_event_at: string;
}
