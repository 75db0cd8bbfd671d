// What /dashboard/data shows beyond the counters, over a hand-built read side (the reports' dataset,
// test/reports/support/report-dataset.ts): what is due next, and the top templates and steps by the
// reports' definitions over the daily chart's window. Every expected value is derived by hand below.
import { insertReportDataset } from '../reports/support/report-dataset.js';
import { READ_KEY, TEST_API_KEYS, type Json } from '../http-api/support/api.js';
import { startTestApp, type TestApp } from '../support/http-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { signIn } from './support/dashboard-client.js';

describe('the dashboard snapshot over a hand-built read side', () => {
  let t: TestDatabase;
  let app: TestApp;
  let cookie: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.NURTURE_API_KEYS = TEST_API_KEYS;
    process.env.NURTURE_REPORT_MIN_SENDS = '2';
    t = await createTestDatabase();
    await insertReportDataset(t.db.pool);
    // Active sequences 2, 4, 5, 7, 9, 10, 11, 12: two have a next send planned.
    await t.db.pool.query(`UPDATE lead_nurturing_sequences SET next_send_at = '2026-03-03T10:00:00Z', current_step = 1 WHERE id = 2`);
    await t.db.pool.query(`UPDATE lead_nurturing_sequences SET next_send_at = '2026-03-01T08:00:00Z' WHERE id = 4`);
    await t.db.pool.query(`REFRESH MATERIALIZED VIEW mv_nurturing_conversion_metrics`);
    app = await startTestApp(t.db);
    cookie = (await signIn(app.url, READ_KEY)).cookie!;
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
    process.env = saved;
  });

  const data = async (lang = 'en'): Promise<Json> => {
    const res = await fetch(`${app.url}/dashboard/data?lang=${lang}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return res.json();
  };

  /** The snapshot once the first rankings (computed in the background) are in. */
  async function withRankings(lang = 'en'): Promise<Json> {
    for (let i = 0; i < 100; i++) {
      const body = await data(lang);
      if (body.rankings) return body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the rankings never came');
  }

  it('lists what is due next: active sequences by next send, the unplanned last (by id)', async () => {
    const body = await data();
    expect(body.due.map((d: Json) => d.sequenceId)).toEqual([4, 2, 5, 7, 9, 10, 11, 12]);
    expect(body.due[0]).toEqual({ sequenceId: 4, leadExtId: 'lead-4', sequenceName: '=Gamma', nextStep: 1, totalSteps: 3, nextSendAt: '2026-03-01T08:00:00.000Z' });
    expect(body.due[1]).toMatchObject({ sequenceId: 2, nextStep: 2, nextSendAt: '2026-03-03T10:00:00.000Z' });
    expect(body.due[2]).toMatchObject({ sequenceId: 5, nextSendAt: null });
  });

  it('lists the latest suppressions and unmatched events, newest first, five of each', async () => {
    for (let i = 1; i <= 7; i++) {
      await t.db.pool.query(`INSERT INTO lead_nurturing_suppressions (email, reason, source, suppressed_at) VALUES ($1, 'bounced', 'webhook', $2)`, [
        `s${i}@example.com`, `2026-03-0${i}T12:00:00Z`,
      ]);
      await t.db.pool.query(
        `INSERT INTO lead_nurturing_unmatched_events (source, provider_event_id, event_type, email, occurred_at, received_at, reason)
         VALUES ('resend', $1, 'opened', $2, $3, $3, 'no sequence for this address')`,
        [`evt-${i}`, `nobody${i}@example.com`, `2026-03-0${i}T13:00:00Z`],
      );
    }
    const body = await data();
    expect(body.suppressions).toBe(7); // counted by the table's triggers, rows written with plain SQL too
    expect(body.latestSuppressions.map((x: Json) => x.email)).toEqual(['s7@example.com', 's6@example.com', 's5@example.com', 's4@example.com', 's3@example.com']);
    expect(body.latestSuppressions[0]).toEqual({ email: 's7@example.com', reason: 'bounced', source: 'webhook', suppressedAt: '2026-03-07T12:00:00.000Z' });
    expect(body.latestUnmatched).toHaveLength(5);
    expect(body.latestUnmatched[0]).toEqual({ source: 'resend', eventType: 'opened', reason: 'no sequence for this address', status: 'parked', receivedAt: '2026-03-07T13:00:00.000Z' });
    await t.db.pool.query(`DELETE FROM lead_nurturing_suppressions WHERE email LIKE 's%@example.com'`);
    expect((await data()).suppressions).toBe(0);
  });

  it('ranks over the 30 days up to the metrics view’s latest day, by the reports’ definitions', async () => {
    const body = await withRankings();
    // The latest start is sequence 5 (2026-03-09): the window is 2026-02-08 up to 2026-03-10.
    expect(body.window).toEqual({ start: '2026-02-08T00:00:00.000Z', end: '2026-03-10T00:00:00.000Z' });
    expect(body.rankings).toMatchObject({ window: body.window, minSends: 2 });
    // Cohort: every sequence but 12 and 13. Beta 3, 6, 7: 2 of 3 qualified; Delta 8, 9: 1 of 2; Alpha 1, 2, 5: 1 of 3;
    // =Gamma, Epsilon, Zeta: 0 of 1 each, then by name in byte order ('=' before 'E'); Zeta is sixth.
    expect(body.rankings.topTemplates.map((r: Json) => [r.sequence_name, r.conversion_rate_pct, r.total_sequences_started])).toEqual([
      ['Beta', 66.67, 3], ['Delta', 50, 2], ['Alpha', 33.33, 3], ['=Gamma', 0, 1], ['Epsilon', 0, 1],
    ]);
    // Emails sent in the window: Alpha step 1 (1/1 replied, 2/1) 1 of 2; Alpha step 2 (1/2) 0 of 1; Beta step 1 (3/1 replied,
    // 6/1, 7/1) 1 of 3; Beta step 2 (6/2 replied) 1 of 1. report_min_sends = 2 ranks the first and the third.
    expect(body.rankings.topSteps.map((s: Json) => [s.sequence_name, s.step_number, s.reply_rate_pct, s.emails_sent])).toEqual([
      ['Alpha', 1, 50, 2], ['Beta', 1, 33.33, 3],
    ]);
    expect(body.rankings.stepsTooFewSends.map((s: Json) => [s.sequence_name, s.step_number])).toEqual([['Alpha', 2], ['Beta', 2]]);
  });

  it('sends the charts as the reports define them, written in the reader’s language', async () => {
    const en = await withRankings('en');
    const templates = en.charts.topTemplates.option;
    expect(templates.yAxis.data).toEqual(['Beta', 'Delta', 'Alpha', '=Gamma', 'Epsilon']);
    expect(templates.series[0].data[0]).toMatchObject({ value: 66.67, label: { formatter: '66.67 % (2/3)' } });
    expect(en.charts.topSteps.option.yAxis.data).toEqual(['Step 1 · Alpha', 'Step 1 · Beta']);
    expect(en.charts.daily.option.series.map((s: Json) => s.name)).toEqual(['Sequences started', 'Leads qualified']);
    expect(en.charts.daily.option.xAxis.data).toHaveLength(en.days.length);

    const es = await withRankings('es');
    expect(es.charts.topTemplates.option.series[0].data[0].label.formatter).toBe('66,67 % (2/3)');
    expect(es.charts.topSteps.option.yAxis.data[0]).toBe('Paso 1 · Alpha');
    expect(es.charts.daily.option.series.map((s: Json) => s.name)).toEqual(['Secuencias iniciadas', 'Leads calificados']);
  });
});
