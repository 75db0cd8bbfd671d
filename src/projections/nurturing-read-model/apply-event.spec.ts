// Given events, then these rows: the read model's projection rules, without a database.
import { type SequenceEvent, type StepSnapshot, event } from '../../domain/sequence/events.js';
import { applyEvent } from './apply-event.js';
import { emptyAffectedRows, type AffectedRows } from './rows.js';

const STEPS: StepSnapshot[] = [1, 2, 3].map((step) => ({ step, delayDays: step === 1 ? 0 : 2, subjectTemplate: `S${step}`, bodyTemplate: 'B' }));
const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString();

function project(events: SequenceEvent[]): AffectedRows {
  const rows = emptyAffectedRows();
  events.forEach((e, i) => applyEvent(rows, { sequenceId: 7, streamPosition: BigInt(i), event: e }));
  return rows;
}

const started = event('SequenceStarted', {
  sequenceId: 7, leadExtId: 'lead_7', email: 'Ana@Example.com', firstName: 'Ana', leadFields: {}, templateId: 1,
  templateName: 'default_cold_lead_nurturing', steps: STEPS, declaredTotalSteps: 3, baseScore: 30, firstSendAt: at(0), occurredAt: at(0),
});
const sent = (step: number, minute: number, dryRun = false) =>
  event('EmailSent', { step, emailEventId: `00000000-0000-4000-8000-00000000000${step}`, providerMessageId: `m${step}`, subject: `S${step}`, dryRun, nextSendAt: at(minute + 100), occurredAt: at(minute) });
const engagement = <T extends 'EmailOpened' | 'EmailClicked' | 'EmailReplied' | 'EmailDelivered'>(type: T, id: string, minute: number, extra: object = {}) =>
  ({ type, schemaVersion: 1, data: { providerEventId: id, step: 1, occurredAt: at(minute), machineOpen: false, url: null, ...extra } }) as SequenceEvent;

describe('nurturing read model projection', () => {
  it('given a start, a send, two opens and a click recorded before facts carried scores, then the rows add up', () => {
    const rows = project([
      started,
      sent(1, 1),
      engagement('EmailDelivered', 'd1', 2),
      engagement('EmailOpened', 'o1', 3),
      engagement('EmailOpened', 'o2', 4),
      engagement('EmailClicked', 'c1', 5, { url: 'https://x.test/a' }),
    ]);
    expect(rows.sequences.get(7)).toMatchObject({
      status: 'active', current_step: 1, total_steps: 3, completion_rate: 33.33, engagement_score: 13, total_score: 43,
      last_sent_at: at(1), last_engagement_at: at(5), stream_revision: '5', last_event_at: at(5),
    });
    expect(rows.emails.get('7:1')).toMatchObject({
      status: 'sent', sent_at: at(1), delivered_at: at(2), opened_at: at(3), clicked_at: at(5), open_count: 2, click_count: 1,
      metadata: { clicked_urls: ['https://x.test/a'] },
    });
    expect(rows.summaries.get(7)).toMatchObject({
      total_emails_sent: 1, total_emails_delivered: 1, total_emails_opened: 1, total_emails_clicked: 1, total_opens: 2, total_clicks: 1,
      open_rate: 1, click_rate: 1, reply_rate: 0, engagement_score: 13,
    });
  });

  it('given facts that carry their scores, then the rows show the scores the events recorded', () => {
    // The aggregate's numbers win over the counts: the projection applies no formula of its own.
    const rows = project([started, sent(1, 1), engagement('EmailReplied', 'r1', 2, { engagementScore: 15, totalScore: 45 }), engagement('EmailClicked', 'c1', 3, { engagementScore: 23, totalScore: 53 })]);
    expect(rows.sequences.get(7)).toMatchObject({ engagement_score: 23, total_score: 53 });
    expect(rows.summaries.get(7)).toMatchObject({ engagement_score: 23, total_replies: 1, total_clicks: 1 });
    const told = project([started, sent(1, 1), engagement('EmailOpened', 'o1', 2, { engagementScore: 7, totalScore: 99 })]);
    expect(told.sequences.get(7)).toMatchObject({ engagement_score: 7, total_score: 99 });
  });

  it('given a machine open, then it is recorded on the email but scores nothing', () => {
    const rows = project([started, sent(1, 1), engagement('EmailOpened', 'o1', 2, { machineOpen: true })]);
    expect(rows.emails.get('7:1')).toMatchObject({ open_count: 0, opened_at: null, metadata: { machine_open_count: 1 } });
    expect(rows.summaries.get(7)).toMatchObject({ total_opens: 0, engagement_score: 0 });
    expect(rows.sequences.get(7)!.last_engagement_at).toBeNull();
  });

  it('given a hard bounce and the stop it causes, then the email is bounced and the address suppressed once, lower-cased', () => {
    const rows = project([
      started,
      sent(1, 1),
      { type: 'EmailBounced', schemaVersion: 1, data: { providerEventId: 'b1', step: 1, occurredAt: at(2), bounceKind: 'hard' } },
      event('SequenceStopped', { reason: 'bounced', occurredAt: at(2) }),
    ]);
    expect(rows.emails.get('7:1')).toMatchObject({ status: 'bounced', bounced_at: at(2), metadata: { bounce_kind: 'hard' } });
    expect(rows.sequences.get(7)).toMatchObject({ status: 'stopped', stop_reason: 'bounced', stopped_at: at(2), next_send_at: null });
    expect([...rows.suppressions.values()]).toEqual([{ email: 'ana@example.com', reason: 'bounced', source: 'sequence', sequence_id: 7, suppressed_at: at(2) }]);
  });

  it('given a failed send retried later, then one email row counts every attempt and ends sent', () => {
    const rows = project([
      started,
      event('EmailSendFailed', { step: 1, emailEventId: '00000000-0000-4000-8000-000000000001', error: 'HTTP 503', attempts: 3, occurredAt: at(1) }),
      sent(1, 2),
    ]);
    expect(rows.emails.size).toBe(1);
    expect(rows.emails.get('7:1')).toMatchObject({ status: 'sent', attempts: 4, error: null, sent_at: at(2) });
  });

  it('given a failed send with a backoff, then next_send_at is the next attempt (an older failure without one leaves it)', () => {
    const failed = (minute: number, extra: object) =>
      event('EmailSendFailed', { step: 1, emailEventId: '00000000-0000-4000-8000-000000000001', error: 'HTTP 503', attempts: 3, occurredAt: at(minute), ...extra });
    expect(project([started, failed(1, {})]).sequences.get(7)!.next_send_at).toBe(at(0));
    const rows = project([started, failed(1, { permanent: false, failures: 1, nextAttemptAt: at(61) })]);
    expect(rows.sequences.get(7)).toMatchObject({ status: 'active', next_send_at: at(61) });
    expect(rows.emails.get('7:1')).toMatchObject({ status: 'failed', error: 'HTTP 503' });
  });

  it('given a stop for send failures, then the sequence stops with send_failed and the address is not suppressed', () => {
    const rows = project([
      started,
      event('EmailSendFailed', { step: 1, emailEventId: '00000000-0000-4000-8000-000000000001', error: 'HTTP 400', attempts: 1, permanent: true, failures: 3, occurredAt: at(1) }),
      event('SequenceStopped', { reason: 'send_failed', occurredAt: at(1) }),
    ]);
    expect(rows.sequences.get(7)).toMatchObject({ status: 'stopped', stop_reason: 'send_failed', stopped_at: at(1), next_send_at: null });
    expect(rows.suppressions.size).toBe(0);
  });

  it('given a dry-run send, then the email is dry_run, has no sent_at and is not counted as sent', () => {
    const rows = project([started, sent(1, 1, true)]);
    expect(rows.emails.get('7:1')).toMatchObject({ status: 'dry_run', sent_at: null });
    expect(rows.summaries.get(7)!.total_emails_sent).toBe(0);
  });

  it('given qualification, pause/resume and completion, then the status and its timestamps follow', () => {
    const rows = project([
      started,
      event('SequencePaused', { reason: 'inactive', occurredAt: at(1) }),
      event('SequenceResumed', { nextSendAt: at(2), occurredAt: at(2) }),
      sent(1, 3), sent(2, 4), sent(3, 5),
      event('SequenceCompleted', { occurredAt: at(5) }),
      event('LeadQualified', { score: 55, engagementScore: 25, reason: 'r', occurredAt: at(6) }),
    ]);
    expect(rows.sequences.get(7)).toMatchObject({
      status: 'qualified', paused_at: null, pause_reason: null, completed_at: at(5), qualified_at: at(6),
      completion_rate: 100, current_step: 3, total_score: 55, engagement_score: 25, next_send_at: null,
    });
  });

  it('an event at or below the row revision is skipped, so a replayed batch changes nothing', () => {
    const events = [started, sent(1, 1), engagement('EmailOpened', 'o1', 2)];
    const rows = project(events);
    const before = structuredClone(rows);
    events.forEach((e, i) => applyEvent(rows, { sequenceId: 7, streamPosition: BigInt(i), event: e }));
    expect(rows).toEqual(before);
  });
});
