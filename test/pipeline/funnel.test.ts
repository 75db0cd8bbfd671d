// The specification's pipeline end to end over 45 simulated days (a run every 6 hours), against
// a real database, a real local email webhook and a real engagement API, with hand-built leads
// whose outcome is known exactly.
import { executeSequenceCommand } from '../../src/application/sequences/execute-sequence-command.js';
import { NurturingRunner } from '../../src/application/pipeline/nurturing-runner.js';
import { validateRunParameters } from '../../src/application/pipeline/run-parameters.js';
import type { RunReport } from '../../src/application/pipeline/run-report.js';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres/postgres-event-store.js';
import { createPipelineDeps } from '../../src/infrastructure/pipeline/create-pipeline-deps.js';
import { EmailSink, EngagementApi } from '../support/email-sink.js';
import { insertLeads } from '../support/leads.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (days: number) => new Date(T0 + days * DAY).toISOString();

// The specification's INSERT shape, for a slow template that only low-priority leads match.
const SLOW_TEMPLATE = `
INSERT INTO nurturing_sequence_templates
(name, description, priority_filter, min_score, max_score, total_steps, steps_config, enabled)
VALUES (
    'slow_low_priority',
    'Tres pasos espaciados para leads de prioridad baja',
    'low',
    0,
    49,
    3,
    '[
        {"step": 1, "delay_days": 0, "subject_template": "{{first_name}}, una idea", "body_template": "Hola {{first_name|amigo}}"},
        {"step": 2, "delay_days": 20, "subject_template": "Seguimiento", "body_template": "..."},
        {"step": 3, "delay_days": 20, "subject_template": "Último", "body_template": "..."}
    ]'::jsonb,
    true
)`;

describe('the nurturing pipeline over 45 simulated days', () => {
  let t: TestDatabase;
  const sink = new EmailSink();
  const api = new EngagementApi();
  const reports: RunReport[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    await sink.start();
    await api.start();
    await t.db.pool.query(SLOW_TEMPLATE);
    const created = at(-2);
    await insertLeads(t.db.pool, [
      { ext_id: 'lead_hot', email: 'hot@example.com', first_name: 'Ana', score: 30, priority: null, created_at: created },
      { ext_id: 'lead_opener', email: 'opener@example.com', first_name: 'Bea', score: 20, priority: null, created_at: created },
      { ext_id: 'lead_silent', email: 'silent@example.com', first_name: 'Carl', score: 10, priority: 'low', created_at: created },
      { ext_id: 'lead_warm', email: 'warm@example.com', score: 80, priority: null, created_at: created },
      { ext_id: 'lead_high', email: 'high@example.com', score: 10, priority: 'high', created_at: created },
      { ext_id: 'lead_old', email: 'old@example.com', score: 10, priority: null, created_at: at(-100) },
      { ext_id: 'lead_no_email', email: null, score: 10, priority: null, created_at: created },
    ]);

    const deps = createPipelineDeps(t.db);
    const runner = new NurturingRunner(deps);
    const params = validateRunParameters({ email_webhook_url: sink.url, engagement_api_url: api.url });
    const store = new PostgresEventStore(t.db.pool);
    let openerSequence = 0;
    for (let hours = 0; hours <= 45 * 24; hours += 6) {
      const now = new Date(T0 + hours * HOUR).toISOString();
      const day = hours / 24;
      // The engagement API knows what lead_hot did by now: a reply on day 1, a click on day 4.
      api.flags.set('hot@example.com', { replied: day >= 1, clicked: day >= 4 });
      // lead_opener opens four times (days 1, 2, 4, 5), reported one by one as a webhook would.
      if ([1, 2, 4, 5].includes(day)) {
        await executeSequenceCommand(store, openerSequence, {
          type: 'RecordEngagement',
          data: { engagementType: 'opened', providerEventId: `open-${day}`, step: null, occurredAt: now, minScoreToQualify: 50, now },
        });
      }
      reports.push(await runner.run({ params, now }));
      if (hours === 0) {
        const { rows } = await t.db.pool.query(`SELECT id FROM lead_nurturing_sequences WHERE lead_ext_id = 'lead_opener'`);
        openerSequence = Number(rows[0].id);
      }
    }
  }, 180_000); // 181 runs: slow on the embedded database of a loaded machine

  afterAll(async () => {
    await sink.stop();
    await api.stop();
    await t.drop();
  });

  it('enrolls exactly the cold leads, each in its most specific template', async () => {
    const { rows } = await t.db.pool.query(`SELECT lead_ext_id, sequence_name, total_steps FROM lead_nurturing_sequences ORDER BY lead_ext_id`);
    expect(rows).toEqual([
      { lead_ext_id: 'lead_hot', sequence_name: 'default_cold_lead_nurturing', total_steps: 3 },
      { lead_ext_id: 'lead_opener', sequence_name: 'default_cold_lead_nurturing', total_steps: 3 },
      { lead_ext_id: 'lead_silent', sequence_name: 'slow_low_priority', total_steps: 3 },
    ]);
    expect(reports[0]!.steps.find((s) => s.step === 'start_nurturing_sequences')!.counts).toEqual({ sequences_started: 3 });
  });

  it('POSTs each due (sequence, step) exactly once: 7 emails', () => {
    expect(sink.received).toHaveLength(7);
    expect(sink.keysSentMoreThanOnce()).toEqual([]);
    expect([...sink.requestsPerKey.values()].every((n) => n === 1)).toBe(true);
  });

  it('sends the specification\'s payload, rendered for the lead', () => {
    const first = sink.received.find((r) => r.body.to === 'silent@example.com')!;
    expect(first.body).toEqual({
      from: 'marketing@example.com',
      to: 'silent@example.com',
      subject: 'Carl, una idea',
      text: 'Hola Carl',
      metadata: { sequence_id: expect.any(Number), lead_ext_id: 'lead_silent', step_number: 1, sequence_name: 'slow_low_priority' },
      headers: {
        'List-Unsubscribe': expect.stringMatching(/^<http:\/\/localhost:3000\/unsubscribe\/[A-Za-z0-9_-]{32}>$/),
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    expect(first.key).toBe(`${first.body.metadata.sequence_id}:1`);
  });

  // The engagement API answers per address, and an answer is a fact about each email sent to it
  // in the last 7 days that lacks it (the specification's troubleshooting query). lead_hot's
  // step 1 went out on day 0, step 2 on day 3 (the default template: 0, 3, 7 days).
  it('qualifies the lead the API reports replying, once its answer covers two emails (30 + 25 = 55)', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT status, current_step, total_score, engagement_score, qualified_at FROM lead_nurturing_sequences WHERE lead_ext_id = 'lead_hot'`,
    );
    // Day 1: a reply on step 1 (30 + 15 = 45). Day 3: step 2 is sent and the answer still says
    // replied, so it is a reply to step 2 too: two replies, 30 + 25 = 55, qualified. Day 4: the
    // click is a fact about both emails (+12); engagement after qualification is still recorded.
    expect(rows[0]).toEqual({ status: 'qualified', current_step: 2, total_score: 67, engagement_score: 37, qualified_at: new Date(at(3)) });
    const emails = await t.db.pool.query(
      `SELECT step_number, replied_at, clicked_at FROM lead_nurturing_events WHERE lead_ext_id = 'lead_hot' ORDER BY step_number`,
    );
    expect(emails.rows).toEqual([
      { step_number: 1, replied_at: new Date(at(1)), clicked_at: new Date(at(4)) },
      { step_number: 2, replied_at: new Date(at(3)), clicked_at: new Date(at(4)) },
    ]);
  });

  it('never qualifies the lead with 4 opens and no click or reply; it completes', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT s.status, s.current_step, s.total_score, s.completed_at, e.total_opens, e.engagement_score
         FROM lead_nurturing_sequences s JOIN lead_nurturing_engagement_summary e ON e.sequence_id = s.id
        WHERE s.lead_ext_id = 'lead_opener'`,
    );
    expect(rows[0]).toEqual({ status: 'completed', current_step: 3, total_score: 35, completed_at: new Date(at(10)), total_opens: 4, engagement_score: 15 });
  });

  it('pauses the lead silent for 30 days, after its second step', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT status, pause_reason, current_step, paused_at FROM lead_nurturing_sequences WHERE lead_ext_id = 'lead_silent'`,
    );
    expect(rows[0]).toEqual({ status: 'paused', pause_reason: 'inactive', current_step: 2, paused_at: new Date(at(30)) });
  });

  it('refreshes the conversion metrics: one cohort day, 1 of 3 qualified in 3 days, 2 of 7 emails replied', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT date::text, total_sequences_started, leads_qualified, conversion_rate_pct, emails_sent, reply_rate_pct, avg_days_to_qualify
         FROM mv_nurturing_conversion_metrics`,
    );
    expect(rows).toEqual([
      { date: '2026-03-02', total_sequences_started: 3, leads_qualified: 1, conversion_rate_pct: 33.33, emails_sent: 7, reply_rate_pct: 28.57, avg_days_to_qualify: 3 },
    ]);
  });

  it('stores every run\'s report, each step with its counts', async () => {
    const { rows } = await t.db.pool.query(`SELECT status, count(*)::int AS n FROM lead_nurturing_runs GROUP BY status`);
    expect(rows).toEqual([{ status: 'succeeded', n: reports.length }]);
    expect(reports.every((r) => r.steps.map((s) => s.step).join() === [
      'ensure_schema', 'identify_cold_leads', 'get_or_create_sequence_template', 'start_nurturing_sequences',
      'send_scheduled_emails', 'update_engagement', 'auto_pause_inactive_sequences', 'refresh_conversion_metrics', 'notify_summary',
    ].join())).toBe(true);
    const sent = reports.reduce((n, r) => n + (r.steps.find((s) => s.step === 'send_scheduled_emails')!.counts.sent ?? 0), 0);
    expect(sent).toBe(7);
  });
});
