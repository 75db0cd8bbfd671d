// Publishing a report: its files uploaded beside the run exports (a real s3rver), its Block Kit
// summary posted to a real local HTTP server; a failed upload or post is reported, the stored report stays.
import { publishReport } from '../../src/application/reports/publish-report.js';
import { parsePeriod } from '../../src/domain/reports/report-period.js';
import { SlackReportNotifier } from '../../src/infrastructure/http/slack-report-notifier.js';
import { S3ObjectStore } from '../../src/infrastructure/s3/s3-object-store.js';
import { closedPortUrl, startServer } from '../http/support/scripted-server.js';
import { FixtureReportGenerator, InMemoryReportStore } from '../support/in-memory-reports.js';
import { DUMMY_CREDENTIALS, startS3Server, TEST_REGION, type S3TestServer } from '../support/s3-server.js';

const policy = { timeoutMs: 5000, maxRetries: 1, baseDelayMs: 10 };

describe('publishReport', () => {
  let s3: S3TestServer;
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(() => s3.close());

  const storeAt = (endpoint: string) => () =>
    new S3ObjectStore({ bucket: s3.bucket, endpoint, region: TEST_REGION, credentials: DUMMY_CREDENTIALS, maxRetries: 1, timeoutMs: 5000, baseDelayMs: 10 });

  it('uploads every file under {s3_path}/reports/{kind}/{label}/ and posts the Slack summary with the link', async () => {
    const slack = await startServer([{ status: 200, body: 'ok' }]);
    try {
      const store = new InMemoryReportStore();
      const period = parsePeriod('weekly', '2026-W09');
      const result = await publishReport(period, {
        generator: new FixtureReportGenerator(store),
        objectStore: storeAt(s3.endpoint),
        s3Path: 'lead_nurturing/metrics',
        notifier: new SlackReportNotifier(`${slack.url}/services/T/B/X`, policy),
        reportLink: async (id) => `https://nurture.example.com/reports/${id}/html?expires=1&signature=s`,
      });
      const prefix = 'lead_nurturing/metrics/reports/weekly/2026-W09/';
      expect(result).toEqual({
        id: 'weekly-2026-W09',
        stored: store.reports.get('weekly-2026-W09'),
        uploaded: ['csv', 'html', 'json'].map((ext) => `${prefix}weekly-2026-W09.${ext}`),
        notified: true,
        errors: [],
      });
      expect(await s3.keys(prefix)).toEqual(result.uploaded);
      expect(await s3.read(`${prefix}weekly-2026-W09.html`)).toEqual({ body: '<!doctype html><title>report</title>', contentType: 'text/html; charset=utf-8' });
      expect(JSON.parse((await s3.read(`${prefix}weekly-2026-W09.json`)).body)).toMatchObject({ id: 'weekly-2026-W09', period });

      expect(slack.requests).toHaveLength(1);
      const message = JSON.parse(slack.requests[0]!.body);
      expect(message.text).toBe('Weekly lead nurturing report 2026-W09: 30 leads qualified, conversion 15.00 %');
      const fields = message.blocks.find((b: { fields?: unknown }) => b.fields).fields.map((f: { text: string }) => f.text);
      expect(fields).toEqual([
        '*Leads qualified*\n30 (+20 vs 10)',
        '*Conversion rate*\n15.00 % (+5.00 pp vs 10.00 %)',
        '*Reply rate*\n10.00 % (−5.00 pp vs 15.00 %)',
        '*Avg. days to qualify*\n4.5 d (no comparison)',
      ]);
      expect(JSON.stringify(message.blocks)).toContain('2026-02-23 – 2026-03-01 (UTC)');
      expect(JSON.stringify(message.blocks)).toContain('Welcome &lt;VIP&gt; &amp; friends');
      expect(JSON.stringify(message.blocks)).not.toContain('<VIP>');
      expect(message.blocks.at(-1)).toEqual({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open the report' }, url: 'https://nurture.example.com/reports/weekly-2026-W09/html?expires=1&signature=s' }] });
    } finally {
      await slack.close();
    }
  });

  it('a failed upload and a failed post are reported; the report stays stored', async () => {
    const slack = await startServer([{ status: 500, body: 'down' }]);
    try {
      const store = new InMemoryReportStore();
      const result = await publishReport(parsePeriod('monthly', '2026-02'), {
        generator: new FixtureReportGenerator(store),
        objectStore: storeAt(await closedPortUrl()),
        s3Path: 'x',
        notifier: new SlackReportNotifier(`${slack.url}/services/T/B/SECRET`, policy),
        reportLink: async () => null,
      });
      expect(result.uploaded).toEqual([]);
      expect(result.notified).toBe(false);
      expect(result.errors).toHaveLength(4);
      expect(result.errors[0]).toMatch(/^S3 upload to s3:\/\/nurture-exports\/x\/reports\/monthly\/2026-02\/monthly-2026-02\.csv failed \(2 attempts\)/);
      expect(result.errors[3]).toBe('Slack summary of monthly-2026-02: Slack answered HTTP 500: down');
      expect(slack.requests).toHaveLength(2);
      expect(await store.find('monthly-2026-02')).not.toBeNull();
    } finally {
      await slack.close();
    }
  });

  it('without export or Slack it only generates (and so stores) the report', async () => {
    const store = new InMemoryReportStore();
    const result = await publishReport(parsePeriod('weekly', '2026-W10'), { generator: new FixtureReportGenerator(store), objectStore: null, s3Path: '', notifier: null, reportLink: async () => null });
    expect(result).toEqual({ id: 'weekly-2026-W10', stored: store.reports.get('weekly-2026-W10'), uploaded: [], notified: false, errors: [] });
    expect([...store.reports.keys()]).toEqual(['weekly-2026-W10']);
  });
});
