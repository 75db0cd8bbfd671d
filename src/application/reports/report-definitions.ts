// The written definition of every figure of a report (printed in the report and the README).
import type { ReportDefinition } from './report.js';

export const reportDefinitions = (minSends: number): ReportDefinition[] => [
  { name: 'cohort', text: "A period's cohort is the sequences whose started_at is in [period start, period end) (UTC), as mv_nurturing_conversion_metrics counts by start day, but computed directly from lead_nurturing_sequences and lead_nurturing_events when the report is generated (not from the view's last refresh). A cohort keeps converting after its period: a report generated later may show more qualified leads." },
  { name: 'total_sequences_started', text: 'Sequences of the cohort.' },
  { name: 'leads_qualified', text: 'Sequences of the cohort whose lead has qualified (qualified_at set) when the report is generated.' },
  { name: 'conversion_rate_pct', text: '100 × leads_qualified ÷ total_sequences_started, 2 decimals; 0 when nothing started.' },
  { name: 'emails_sent', text: "The cohort's emails with status 'sent' (accepted by the email webhook), as the metrics view counts them. Bounced emails (status 'bounced', sent_at set) are NOT counted as sent: they are emails_bounced. Failed and dry_run emails count nowhere." },
  { name: 'emails_delivered', text: "Of emails_sent, those the provider reported delivered (delivered_at set)." },
  { name: 'emails_bounced', text: "The cohort's emails with status 'bounced'." },
  { name: 'emails_opened / emails_clicked / emails_replied', text: 'Of emails_sent, those opened / clicked / replied to at least once (opened_at / clicked_at / replied_at set).' },
  { name: 'open_rate_pct / click_rate_pct / reply_rate_pct', text: '100 × emails_opened / emails_clicked / emails_replied ÷ emails_sent, 2 decimals; 0 when none sent. The denominator of every email rate is emails_sent. Opens are shown but never rank anything (machine opens inflate them).' },
  { name: 'avg_days_to_qualify', text: "Mean of (qualified_at − started_at) in days over the cohort's qualified sequences, 2 decimals; null when none qualified." },
  { name: 'previous', text: 'The same figures for the previous period (the ISO week or calendar month before), its own cohort.' },
  { name: 'headlines', text: 'leads_qualified, conversion_rate_pct, reply_rate_pct and avg_days_to_qualify, each with the previous period\'s value and the change (this − previous, 2 decimals; null when either is null).' },
  { name: 'daily', text: 'Every UTC day of the period, each with the cohort started that day; zeros where nothing started.' },
  { name: 'top_templates', text: "Templates (sequence_name as the sequences recorded it) over the period's cohort, top 5 by conversion_rate_pct, then total_sequences_started (more first), then sequence_name (byte order)." },
  { name: 'top_steps', text: `(sequence_name, step_number) over the emails SENT IN THE PERIOD (status 'sent', sent_at in the period), whatever their sequence's start: top 5 by reply_rate_pct (100 × emails_replied ÷ emails_sent), then emails_sent (more first), then sequence_name (byte order), then step_number. Only steps with at least report_min_sends = ${minSends} emails sent rank.` },
  { name: 'steps_too_few_sends', text: `Steps with fewer than ${minSends} emails sent in the period: listed apart (most sent first), not ranked.` },
  { name: 'trends', text: 'Monthly reports: the last 6 calendar months including this one, oldest first, each its own cohort. Weekly reports: none.' },
];
