// Projects one sequence event onto the rows it touches. Pure: the same events always give
// the same rows, which is what makes a rebuild equal to the live tables.
import { MAX_DETAILS_BYTES, MAX_DETAILS_KEYS } from '../../domain/sequence/engagement-details.js';
import { engagementScore, totalScore } from '../../domain/sequence/scoring.js';
import { isSuppressingStopReason, type SuppressingStopReason, suppressionKeyOf } from '../../domain/suppression/suppression.js';
import { type EmailClicked, type EmailOpened, type EmailReplied, type EngagementEvent, type SequenceEvent, isEngagementEvent } from '../../domain/sequence/events.js';
import { type AffectedRows, type EmailRow, type SequenceRow, type SummaryRow, emailKey } from './rows.js';

export interface EventInStream {
  sequenceId: number;
  streamPosition: bigint;
  event: SequenceEvent;
}

export function applyEvent(rows: AffectedRows, { sequenceId, streamPosition, event }: EventInStream): void {
  const known = rows.sequences.get(sequenceId);
  // Idempotent: an event at or below the row's stream revision has been applied already.
  if (known && streamPosition <= BigInt(known.stream_revision)) return;
  if (event.type === 'SequenceStarted') startSequence(rows, sequenceId, event);
  const sequence = rows.sequences.get(sequenceId);
  const summary = rows.summaries.get(sequenceId);
  if (!sequence || !summary) return; // a stream the read model never saw start: nothing to project
  const at = event.data.occurredAt;
  sequence.stream_revision = streamPosition.toString();
  sequence.last_event_at = at;

  if (isEngagementEvent(event)) return applyEngagement(rows, sequence, summary, event);
  switch (event.type) {
    case 'SequenceStarted':
    case 'EmailSendReserved': // row-neutral (never passed here by the projection)
      return;
    case 'EmailSent': {
      const { step, dryRun } = event.data;
      sequence.current_step = step;
      sequence.last_sent_at = at;
      sequence.next_send_at = event.data.nextSendAt;
      sequence.completion_rate = round(100 * (step / sequence.total_steps), 2);
      const email = emailRow(rows, sequence, step, event.data.emailEventId, at);
      email.status = dryRun ? 'dry_run' : 'sent';
      email.subject = event.data.subject;
      email.provider_message_id = event.data.providerMessageId;
      email.sent_at = dryRun ? null : at;
      email.attempts += 1;
      email.error = null;
      if (!dryRun) summary.total_emails_sent += 1;
      return finishSummary(summary, sequence, at);
    }
    case 'EmailSendFailed': {
      const email = emailRow(rows, sequence, event.data.step, event.data.emailEventId, at);
      email.status = 'failed';
      email.attempts += event.data.attempts;
      email.error = event.data.error;
      // The backoff across runs: the due query reads next_send_at (older events had none).
      if (event.data.nextAttemptAt !== undefined) sequence.next_send_at = event.data.nextAttemptAt;
      return;
    }
    case 'LeadQualified':
      sequence.status = 'qualified';
      sequence.qualified_at = at;
      sequence.next_send_at = null;
      sequence.engagement_score = event.data.engagementScore;
      sequence.total_score = event.data.score;
      return;
    case 'SequencePaused':
      sequence.status = 'paused';
      sequence.paused_at = at;
      sequence.pause_reason = event.data.reason;
      return;
    case 'SequenceResumed':
      sequence.status = 'active';
      sequence.paused_at = null;
      sequence.pause_reason = null;
      sequence.next_send_at = event.data.nextSendAt;
      return;
    case 'SequenceCompleted':
      sequence.status = 'completed';
      sequence.completed_at = at;
      sequence.next_send_at = null;
      return;
    case 'SequenceStopped':
      sequence.status = 'stopped';
      sequence.stopped_at = at;
      sequence.stop_reason = event.data.reason;
      sequence.next_send_at = null;
      if (isSuppressingStopReason(event.data.reason)) suppress(rows, sequence, event.data.reason, at);
      return;
    default: {
      const unknown: never = event;
      throw new Error(`unprojected event ${(unknown as SequenceEvent).type}`);
    }
  }
}

function startSequence(rows: AffectedRows, sequenceId: number, event: Extract<SequenceEvent, { type: 'SequenceStarted' }>): void {
  const d = event.data;
  const base = d.baseScore;
  rows.sequences.set(sequenceId, {
    id: sequenceId,
    lead_ext_id: d.leadExtId,
    email: d.email,
    first_name: d.firstName,
    template_id: d.templateId,
    sequence_name: d.templateName,
    current_step: 0,
    total_steps: d.steps.length,
    status: 'active',
    base_score: base,
    engagement_score: 0,
    total_score: base ?? 0,
    started_at: d.occurredAt,
    next_send_at: d.firstSendAt,
    last_sent_at: null,
    last_engagement_at: null,
    completion_rate: 0,
    qualified_at: null,
    paused_at: null,
    completed_at: null,
    stopped_at: null,
    pause_reason: null,
    stop_reason: null,
    stream_revision: '0',
    last_event_at: d.occurredAt,
  });
  rows.summaries.set(sequenceId, {
    sequence_id: sequenceId,
    total_emails_sent: 0,
    total_emails_delivered: 0,
    total_emails_opened: 0,
    total_emails_clicked: 0,
    total_emails_replied: 0,
    total_emails_bounced: 0,
    total_opens: 0,
    total_clicks: 0,
    total_replies: 0,
    open_rate: 0,
    click_rate: 0,
    reply_rate: 0,
    engagement_score: 0,
    last_engagement_at: null,
    last_event_at: d.occurredAt,
  });
}

function applyEngagement(rows: AffectedRows, sequence: SequenceRow, summary: SummaryRow, event: EngagementEvent): void {
  const at = event.data.occurredAt;
  const step = event.data.step;
  const email = step === null ? undefined : rows.emails.get(emailKey(sequence.id, step));
  if (email) email.last_event_at = at;
  switch (event.type) {
    case 'EmailDelivered':
      if (email && email.delivered_at === null) {
        email.delivered_at = at;
        keepClaim(email, 'delivered_at', event);
        summary.total_emails_delivered += 1;
      }
      break;
    case 'EmailOpened':
      if (event.data.machineOpen) {
        if (email) bumpMetadata(email, 'machine_open_count');
        break;
      }
      summary.total_opens += 1;
      engaged(sequence, summary, event);
      if (email) {
        email.open_count += 1;
        if (email.opened_at === null) {
          email.opened_at = at;
          keepClaim(email, 'opened_at', event);
          summary.total_emails_opened += 1;
        }
      }
      break;
    case 'EmailClicked':
      summary.total_clicks += 1;
      engaged(sequence, summary, event);
      if (email) {
        email.click_count += 1;
        if (event.data.url) addClickedUrl(email, event.data.url);
        if (email.clicked_at === null) {
          email.clicked_at = at;
          keepClaim(email, 'clicked_at', event);
          summary.total_emails_clicked += 1;
        }
      }
      break;
    case 'EmailReplied':
      summary.total_replies += 1;
      engaged(sequence, summary, event);
      if (email) {
        email.reply_count += 1;
        if (email.replied_at === null) {
          email.replied_at = at;
          keepClaim(email, 'replied_at', event);
          summary.total_emails_replied += 1;
        }
      }
      break;
    case 'EmailBounced':
      if (email) {
        email.metadata = { ...email.metadata, bounce_kind: event.data.bounceKind };
        if (email.bounced_at === null) {
          email.bounced_at = at;
          keepClaim(email, 'bounced_at', event);
          summary.total_emails_bounced += 1;
        }
        if (event.data.bounceKind === 'hard') email.status = 'bounced';
      }
      if (event.data.bounceKind === 'hard') suppress(rows, sequence, 'bounced', at);
      break;
    case 'LeadUnsubscribed':
      suppress(rows, sequence, 'unsubscribed', at);
      break;
    case 'SpamComplained':
      suppress(rows, sequence, 'complained', at);
      break;
  }
  if (email && event.data.details) mergeDetails(email, event.data.details);
  finishSummary(summary, sequence, at);
}

/** A fact that scores: the scores are the ones the aggregate recorded in it. Facts recorded
 * before the events carried them are scored from the counts, by the domain's formula. */
function engaged(sequence: SequenceRow, summary: SummaryRow, event: EmailOpened | EmailClicked | EmailReplied): void {
  const at = event.data.occurredAt;
  sequence.last_engagement_at = at;
  summary.last_engagement_at = at;
  summary.engagement_score =
    event.data.engagementScore ?? engagementScore({ opens: summary.total_opens, clicks: summary.total_clicks, replies: summary.total_replies });
  sequence.engagement_score = summary.engagement_score;
  sequence.total_score = event.data.totalScore ?? totalScore(sequence.base_score, summary.engagement_score);
}

function finishSummary(summary: SummaryRow, sequence: SequenceRow, at: string): void {
  const sent = summary.total_emails_sent;
  summary.open_rate = sent ? round(summary.total_emails_opened / sent, 4) : 0;
  summary.click_rate = sent ? round(summary.total_emails_clicked / sent, 4) : 0;
  summary.reply_rate = sent ? round(summary.total_emails_replied / sent, 4) : 0;
  summary.last_event_at = at;
  sequence.last_event_at = at;
}

function emailRow(rows: AffectedRows, sequence: SequenceRow, step: number, id: string, at: string): EmailRow {
  const key = emailKey(sequence.id, step);
  let row = rows.emails.get(key);
  if (!row) {
    row = {
      id,
      sequence_id: sequence.id,
      lead_ext_id: sequence.lead_ext_id,
      email: sequence.email,
      step_number: step,
      subject: null,
      status: 'failed',
      provider_message_id: null,
      sent_at: null,
      delivered_at: null,
      opened_at: null,
      clicked_at: null,
      replied_at: null,
      bounced_at: null,
      open_count: 0,
      click_count: 0,
      reply_count: 0,
      attempts: 0,
      error: null,
      metadata: {},
      last_event_at: at,
    };
    rows.emails.set(key, row);
  }
  row.last_event_at = at;
  return row;
}

function suppress(rows: AffectedRows, sequence: SequenceRow, reason: SuppressingStopReason, at: string): void {
  const email = suppressionKeyOf(sequence.email);
  if (rows.suppressions.has(email)) return;
  rows.suppressions.set(email, { email, reason, source: 'sequence', sequence_id: sequence.id, suppressed_at: at });
}

const MAX_CLICKED_URLS = 20;

function addClickedUrl(email: EmailRow, url: string): void {
  const urls = Array.isArray(email.metadata.clicked_urls) ? (email.metadata.clicked_urls as string[]) : [];
  if (urls.includes(url) || urls.length >= MAX_CLICKED_URLS) return;
  email.metadata = { ...email.metadata, clicked_urls: [...urls, url] };
}

function bumpMetadata(email: EmailRow, key: string): void {
  const n = typeof email.metadata[key] === 'number' ? (email.metadata[key] as number) : 0;
  email.metadata = { ...email.metadata, [key]: n + 1 };
}

/** Keys of `lead_nurturing_events.metadata` the service writes itself; a reporter's details
 * never overwrite them. */
export const SERVICE_METADATA_KEYS: readonly string[] = [
  'clicked_urls',
  'bounce_kind',
  'machine_open_count',
  ...['delivered_at', 'opened_at', 'clicked_at', 'replied_at', 'bounced_at'].map((column) => `claimed_${column}`),
];

/** The reporter's time behind a column, when it was not believed (see engagement-time.ts). */
function keepClaim(email: EmailRow, column: string, event: EngagementEvent): void {
  if (event.data.claimedOccurredAt === undefined) return;
  email.metadata = { ...email.metadata, [`claimed_${column}`]: event.data.claimedOccurredAt };
}

/** A reporter's details, merged into the row: a later value of a key replaces an earlier one;
 * a new key is kept while the reporters' keys stay within the bounds of one event's details. */
function mergeDetails(email: EmailRow, details: Record<string, unknown>): void {
  const entries = Object.entries(details).filter(([key]) => !SERVICE_METADATA_KEYS.includes(key));
  if (entries.length === 0) return;
  const all = { ...email.metadata, ...Object.fromEntries(entries) };
  if (withinBounds(all)) {
    email.metadata = all;
    return;
  }
  const merged = { ...email.metadata };
  for (const [key, value] of entries) {
    const before = merged[key];
    merged[key] = value;
    if (withinBounds(merged)) continue;
    if (before === undefined) delete merged[key];
    else merged[key] = before;
  }
  email.metadata = merged;
}

const encoder = new TextEncoder();
function withinBounds(metadata: Record<string, unknown>): boolean {
  const reporters = Object.keys(metadata).filter((key) => !SERVICE_METADATA_KEYS.includes(key));
  if (reporters.length > MAX_DETAILS_KEYS) return false;
  return encoder.encode(JSON.stringify(Object.fromEntries(reporters.map((key) => [key, metadata[key]])))).length <= MAX_DETAILS_BYTES;
}

const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
