// The reports across their seams, in `nurture serve`'s application: at start it catches up the last
// complete week's and month's reports (a slot missed while the service was down), computed from the
// read side, stored, uploaded beside the run exports (export_metrics_to_s3, a real s3rver), and
// served by GET /reports/:id/html as the self-contained page with its charts; its Slack summary
// (a real local server) links to that page with a signed link that opens it without an API key.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lastCompletePeriod } from '../../src/domain/reports/report-period.js';
import { createApp } from '../../src/infrastructure/serve/create-app.js';
import { ReportSchedulerService } from '../../src/infrastructure/serve/report-scheduler.service.js';
import { reportSchedulesFrom } from '../../src/infrastructure/serve/report-schedules.js';
import { Api, READ_KEY, TEST_API_KEYS } from '../http-api/support/api.js';
import { type ScriptedServer, startServer } from '../http/support/scripted-server.js';
import { startS3Server, type S3TestServer } from '../support/s3-server.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const ENV = ['NURTURE_EXPORT_METRICS_TO_S3', 'NURTURE_S3_BUCKET', 'NURTURE_S3_PATH', 'NURTURE_API_KEYS', 'NURTURE_SLACK_WEBHOOK_URL', 'NURTURE_PUBLIC_URL'];

describe('serve publishes the scheduled reports', () => {
  let t: TestDatabase;
  let s3: S3TestServer;
  let slack: ScriptedServer;
  let port = 0;
  const saved: Record<string, string | undefined> = {};
  const week = lastCompletePeriod('weekly', new Date().toISOString());
  const month = lastCompletePeriod('monthly', new Date().toISOString());

  beforeAll(async () => {
    s3 = await startS3Server();
    slack = await startServer([{ status: 200, body: 'ok' }]);
    // The port the app will listen on, known before it starts (the catch-up posts at start).
    port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    for (const name of [...ENV, ...Object.keys(s3.env)]) saved[name] = process.env[name];
    Object.assign(process.env, s3.env, {
      NURTURE_EXPORT_METRICS_TO_S3: 'true', NURTURE_S3_BUCKET: s3.bucket, NURTURE_S3_PATH: 'exports', NURTURE_API_KEYS: TEST_API_KEYS,
      NURTURE_SLACK_WEBHOOK_URL: `${slack.url}/services/T/B/X`, NURTURE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    t = await createTestDatabase();
    // Last week: two sequences started (one qualified a day later), three emails sent, one replied.
    const monday = Date.parse(week.start);
    const at = (hours: number) => new Date(monday + hours * 3_600_000).toISOString();
    await t.db.pool.query(
      `INSERT INTO lead_nurturing_sequences (id, lead_ext_id, email, sequence_name, total_steps, status, started_at, qualified_at, stream_revision, last_event_at)
       VALUES (1, 'l1', 'a@example.com', 'Alpha', 3, 'qualified', $1, $2, 0, $2), (2, 'l2', 'b@example.com', 'Alpha', 3, 'active', $1, NULL, 0, $1)`,
      [at(10), at(34)],
    );
    await t.db.pool.query(
      `INSERT INTO lead_nurturing_events (id, sequence_id, lead_ext_id, email, step_number, status, sent_at, replied_at, last_event_at)
       VALUES (gen_random_uuid(), 1, 'l1', 'a@example.com', 1, 'sent', $1, $2, $2), (gen_random_uuid(), 1, 'l1', 'a@example.com', 2, 'sent', $2, NULL, $2),
              (gen_random_uuid(), 2, 'l2', 'b@example.com', 1, 'sent', $1, NULL, $1)`,
      [at(10), at(30)],
    );
  });
  afterAll(async () => {
    await t.drop();
    await s3.close();
    await slack.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('catches up at start: stored, uploaded, and served as HTML with charts', async () => {
    const app = await createApp(t.db, { schedule: null, reportSchedules: reportSchedulesFrom({}) }, false);
    await app.listen(port, '127.0.0.1');
    try {
      const api = new Api(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`, READ_KEY);
      const weeklyId = `weekly-${week.label}`;
      // The catch-up runs in the background from start: wait until it has published both.
      await app.get(ReportSchedulerService, { strict: false }).catchUp;
      const listed: string[] = (await api.get('/reports')).body.items.map((r: { id: string }) => r.id);
      expect(listed.sort()).toEqual([`monthly-${month.label}`, weeklyId].sort());

      const report = (await api.get(`/reports/${weeklyId}`)).body;
      // Hand-derived: 2 started, 1 qualified (50 %), 3 sent, 1 replied (33.33 %), qualified in 1 day.
      expect(report.summary).toMatchObject({ total_sequences_started: 2, leads_qualified: 1, conversion_rate_pct: 50, emails_sent: 3, emails_replied: 1, reply_rate_pct: 33.33, avg_days_to_qualify: 1 });

      const html = await fetch(`${api.url}/reports/${weeklyId}/html`, { headers: { authorization: `Bearer ${READ_KEY}` } });
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await html.text();
      expect(page).toContain(week.label);
      // Funnel, days, rates, top templates; no step has report_min_sends (20) sends, so none ranks.
      expect(page.match(/<svg/g)?.length ?? 0).toBe(4);
      expect(page).toContain('Alpha');
      expect(page).not.toMatch(/<script/i);

      // Uploaded beside the run exports: {s3_path}/reports/{kind}/{label}/{file}.
      const keys = await s3.keys(`exports/reports/weekly/${week.label}/`);
      expect(keys).toEqual(['csv', 'html', 'json'].map((ext) => `exports/reports/weekly/${week.label}/${weeklyId}.${ext}`));
      const json = JSON.parse((await s3.read(`exports/reports/weekly/${week.label}/${weeklyId}.json`)).body);
      expect(json.summary.leads_qualified).toBe(1);

      // The Slack summaries (weekly and monthly) link to their pages with signed links: one opens
      // without a key; altered, or pointed at another report, it does not.
      const posted = slack.requests.map((r) => JSON.parse(r.body));
      const button = posted.map((m) => m.blocks.at(-1).elements[0].url as string).find((url) => url.includes(`/reports/${weeklyId}/html?`))!;
      expect(button).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/reports/${weeklyId}/html\\?expires=\\d+&signature=[\\w-]{22}$`));
      const opened = await fetch(button);
      expect(opened.status).toBe(200);
      expect(await opened.text()).toContain(week.label);
      const altered = button.replace(/signature=(.)/, (_, first: string) => `signature=${first === 'A' ? 'B' : 'A'}`);
      expect((await fetch(altered)).status).toBe(401);
      expect((await fetch(button.replace(weeklyId, `monthly-${month.label}`))).status).toBe(401);
      expect((await fetch(button.replace('/html?', '/csv?'))).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});
