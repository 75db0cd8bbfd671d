// Rows of the read tables, with the tables' own (snake_case) column names, so a row
// round-trips through `to_jsonb(t)` and `jsonb_populate_recordset(NULL::t, …)` unchanged.
// Timestamps are ISO strings; every timestamp comes from an event, never from the clock,
// so a rebuild reproduces the live rows exactly.

export interface SequenceRow {
  id: number;
  lead_ext_id: string;
  email: string;
  first_name: string | null;
  template_id: number | null;
  sequence_name: string;
  current_step: number;
  total_steps: number;
  status: 'active' | 'paused' | 'completed' | 'stopped' | 'qualified';
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
  stream_revision: string;
  last_event_at: string;
}

export interface EmailRow {
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

export interface SummaryRow {
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

export interface SuppressionRow {
  email: string;
  reason: 'bounced' | 'unsubscribed' | 'complained' | 'manual';
  source: string;
  sequence_id: number | null;
  suppressed_at: string;
}

/** The rows a batch touches, loaded once, changed in memory, written once. */
export interface AffectedRows {
  sequences: Map<number, SequenceRow>;
  /** Keyed by `<sequence_id>:<step_number>`. */
  emails: Map<string, EmailRow>;
  summaries: Map<number, SummaryRow>;
  /** New suppressions, keyed by lower-case email; the first reason wins. */
  suppressions: Map<string, SuppressionRow>;
}

export const emailKey = (sequenceId: number, step: number): string => `${sequenceId}:${step}`;

export const emptyAffectedRows = (): AffectedRows => ({
  sequences: new Map(),
  emails: new Map(),
  summaries: new Map(),
  suppressions: new Map(),
});
