// update_engagement against a real local engagement API: an answer is a fact about each email
// sent to the address in the last `engagement_lookback_days` that does not have it yet, as the
// specification's troubleshooting query reads (status 'sent', sent_at in the last 7 days,
// opened_at IS NULL). Four opened emails are four opens.
import { NurturingRunner } from '../../src/application/pipeline/nurturing-runner.js';
import { validateRunParameters } from '../../src/application/pipeline/run-parameters.js';
import type { RunReport } from '../../src/application/pipeline/run-report.js';
import { createPipelineDeps } from '../../src/infrastructure/pipeline/create-pipeline-deps.js';
import { EmailSink, EngagementApi } from '../support/email-sink.js';
import { insertLeads } from '../support/leads.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(T0 + days * DAY).toISOString();

// Four steps a day apart: all four emails are inside a 7-day window on day 3.5.
const FOUR_STEPS = `
INSERT INTO nurturing_sequence_templates
(name, description, priority_filter, min_score, max_score, total_steps, steps_config, enabled)
VALUES ('four_daily', 'Cuatro pasos diarios', NULL, 0, 49, 4,
  '[{"step": 1, "delay_days": 0, "subject_template": "Uno", "body_template": "1"},
    {"step": 2, "delay_days": 1, "subject_template": "Dos", "body_template": "2"},
    {"step": 3, "delay_days": 1, "subject_template": "Tres", "body_template": "3"},
    {"step": 4, "delay_days": 1, "subject_template": "Cuatro", "body_template": "4"}]'::jsonb,
  true)`;

describe('update_engagement: the engagement API counts per email', () => {
  let t: TestDatabase;
  const sink = new EmailSink();
  const api = new EngagementApi();
  let runner: NurturingRunner;
  const run = (days: number, overrides: Record<string, unknown> = {}): Promise<RunReport> =>
    runner.run({ params: validateRunParameters({ email_webhook_url: sink.url, engagement_api_url: api.url, ...overrides }), now: at(days) });
  const engagementCounts = (report: RunReport) => report.steps.find((s) => s.step === 'update_engagement')!.counts;

  const sequenceOf = async (extId: string) => {
    const { rows } = await t.db.pool.query(
      `SELECT s.status, s.engagement_score, e.total_opens, e.total_clicks, e.total_emails_opened
         FROM lead_nurturing_sequences s JOIN lead_nurturing_engagement_summary e ON e.sequence_id = s.id
        WHERE s.lead_ext_id = $1`,
      [extId],
    );
    return rows[0];
  };
  const emailsOf = async (extId: string) => {
    const { rows } = await t.db.pool.query(
      `SELECT step_number, sent_at, opened_at, clicked_at, open_count, click_count
         FROM lead_nurturing_events WHERE lead_ext_id = $1 ORDER BY step_number`,
      [extId],
    );
    return rows;
  };
  const eventCount = async () => Number((await t.db.pool.query('SELECT count(*) AS n FROM es_events')).rows[0].n);

  beforeAll(async () => {
    t = await createTestDatabase();
    await sink.start();
    await api.start();
    await t.db.pool.query(FOUR_STEPS);
    await insertLeads(t.db.pool, [
      { ext_id: 'lead_opener', email: 'opener@example.com', score: 10, priority: null, created_at: at(-1) },
      // Stored with stray case and spaces: the API is asked about the trimmed, lower-case address.
      { ext_id: 'lead_clicker', email: ' Clicker@Example.com ', score: 10, priority: null, created_at: at(-1) },
      { ext_id: 'lead_late', email: 'late@example.com', score: 10, priority: null, created_at: at(-1) },
    ]);
    runner = new NurturingRunner(createPipelineDeps(t.db));
    await run(0); // step 1 of each
    // The clicker opened and clicked its first email (the only one sent so far).
    api.flags.set('clicker@example.com', { opened: true, clicked: true });
    await run(0.5);
    api.flags.set('clicker@example.com', { opened: true, clicked: false });
    for (const day of [1, 2, 3]) await run(day); // steps 2, 3, 4
  });

  afterAll(async () => {
    await sink.stop();
    await api.stop();
    await t.drop();
  });

  it('records an open for each of the four emails reported opened: engagement score 15', async () => {
    api.flags.set('opener@example.com', { opened: true });
    const report = await run(3.5);
    expect(engagementCounts(report)).toMatchObject({ new_opened: 4 });
    expect(await sequenceOf('lead_opener')).toEqual({ status: 'completed', engagement_score: 15, total_opens: 4, total_clicks: 0, total_emails_opened: 4 });
    const emails = await emailsOf('lead_opener');
    expect(emails.map((e) => [e.step_number, e.opened_at, e.open_count])).toEqual([1, 2, 3, 4].map((step) => [step, new Date(at(3.5)), 1]));
  });

  it('counts one click and four opens as 23', async () => {
    expect(await sequenceOf('lead_clicker')).toEqual({ status: 'completed', engagement_score: 23, total_opens: 4, total_clicks: 1, total_emails_opened: 4 });
    const emails = await emailsOf('lead_clicker');
    expect(emails.map((e) => [e.step_number, e.clicked_at])).toEqual([[1, new Date(at(0.5))], [2, null], [3, null], [4, null]]);
    // Each email's open is dated by the poll that found it, never before the email was sent.
    expect(emails.map((e) => e.opened_at)).toEqual([at(0.5), at(1), at(2), at(3)].map((d) => new Date(d)));
  });

  it('adds nothing on a repeated poll', async () => {
    const before = await eventCount();
    const polls = api.polls;
    const report = await run(3.75);
    expect(api.polls - polls).toBe(3);
    expect(engagementCounts(report)).toMatchObject({ polled: 3 });
    expect(engagementCounts(report).new_opened ?? 0).toBe(0);
    expect(await eventCount()).toBe(before);
    expect((await sequenceOf('lead_opener')).engagement_score).toBe(15);
  });

  it('leaves the emails sent before the window alone', async () => {
    // On day 9.5 the 7-day window starts at day 2.5: only step 4 (sent on day 3) is in it.
    api.flags.set('late@example.com', { opened: true, replied: true });
    const report = await run(9.5);
    expect(engagementCounts(report)).toMatchObject({ new_opened: 1, new_replied: 1 });
    const emails = await emailsOf('lead_late');
    expect(emails.map((e) => [e.step_number, e.opened_at])).toEqual([[1, null], [2, null], [3, null], [4, new Date(at(9.5))]]);
  });

  it('asks nothing about addresses with no email in a shorter window', async () => {
    const polls = api.polls;
    const report = await run(9.75, { engagement_lookback_days: 1 });
    expect(engagementCounts(report)).toMatchObject({ polled: 0 });
    expect(api.polls).toBe(polls);
  });
});
