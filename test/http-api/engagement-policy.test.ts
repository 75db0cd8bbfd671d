// One threshold, one stop_on_reply: read from the same sources (config file, environment) for
// runs, webhooks and HTTP commands, so a lead qualifies (or stops on reply) the same way however
// its engagement arrived. A template's own stop_on_reply wins over the service's.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src/infrastructure/serve/create-app.js';
import { tempDir } from '../support/cli.js';
import { EmailSink } from '../support/email-sink.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { Api, API_KEY, enroll, insertLead } from './support/api.js';

const AT = '2026-04-01T10:00:00Z';
const fact = (event_type: string, provider_event_id: string) => ({ event_type, provider_event_id, occurred_at: AT, step: 1 });

describe('the engagement policy comes from the run parameters\' sources', () => {
  let t: TestDatabase;
  let api: Api;
  let close: () => Promise<void>;
  const sink = new EmailSink();
  let engagementApi: Server;
  let engagementUrl = '';
  const replied = new Set<string>();

  beforeAll(async () => {
    process.env.NURTURE_API_KEYS = `${API_KEY}:admin`; // its runs set `now`
    await sink.start();
    engagementApi = createServer((req, res) => {
      const email = new URL(req.url!, 'http://x').searchParams.get('email')!;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ opened: false, clicked: false, replied: replied.has(email) }));
    });
    await new Promise<void>((resolve) => engagementApi.listen(0, '127.0.0.1', resolve));
    engagementUrl = `http://127.0.0.1:${(engagementApi.address() as AddressInfo).port}/engagement`;
    const config = join(tempDir('nurture-policy-'), 'nurture.json');
    writeFileSync(config, JSON.stringify({ min_score_to_qualify: 20, stop_on_reply: true, email_webhook_url: sink.url, engagement_api_url: engagementUrl }));
    t = await createTestDatabase();
    const app = await createApp(t.db, { schedule: null, configFile: config }, false);
    await app.listen(0, '127.0.0.1');
    api = new Api(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    close = async () => {
      await app.close();
      await t.drop();
    };
    for (const ext_id of ['low_bar', 'base_zero', 'template_says_no', 'by_run_qualifies', 'by_run_stops']) {
      await insertLead(t, { ext_id, score: ['base_zero', 'template_says_no', 'by_run_stops'].includes(ext_id) ? 0 : 10 });
    }
    const template = await api.post('/templates', {
      name: 'never_stops_on_reply', total_steps: 1, stop_on_reply: false, priority_filter: 'high',
      steps_config: [{ step: 1, delay_days: 0, subject_template: 'Hola', body_template: 'Hola {{first_name}}' }],
    });
    expect(template.status).toBe(201);
    expect(template.body.template).toMatchObject({ stop_on_reply: false });
  });
  afterAll(async () => {
    await close();
    await sink.stop();
    await new Promise((resolve) => engagementApi.close(resolve));
  });

  const sequence = async (id: number) => (await api.get(`/sequences/${id}`)).body.sequence;

  it('an HTTP command qualifies at the config file\'s min_score_to_qualify (20, not the default 50)', async () => {
    const id = await enroll(api, 'low_bar');
    await api.post(`/sequences/${id}/engagement`, fact('replied', 'r1'));
    expect(await sequence(id)).toMatchObject({ status: 'qualified', total_score: 25 });
  });

  it('an HTTP command stops on a reply that does not qualify (the config file\'s stop_on_reply)', async () => {
    const id = await enroll(api, 'base_zero');
    await api.post(`/sequences/${id}/engagement`, fact('replied', 'r1'));
    expect(await sequence(id)).toMatchObject({ status: 'stopped', stop_reason: 'replied', total_score: 15 });
  });

  it('a template\'s stop_on_reply false wins over the service\'s true', async () => {
    const id = await enroll(api, 'template_says_no', { template_name: 'never_stops_on_reply' });
    await api.post(`/sequences/${id}/engagement`, fact('replied', 'r1'));
    expect(await sequence(id)).toMatchObject({ status: 'active', stop_reason: null, total_score: 15 });
  });

  it('a run (POST /runs) judges the engagement API\'s replies by the same config file', async () => {
    const first = await api.post('/runs', { now: '2026-04-01T12:00:00Z', parameters: { max_leads_per_run: 0 } });
    expect(first.status).toBe(200);
    const ids: Record<string, number> = {};
    for (const lead of ['by_run_qualifies', 'by_run_stops']) ids[lead] = await enroll(api, lead, { now: '2026-04-01T12:00:00Z' });
    await api.post('/runs', { now: '2026-04-01T12:05:00Z', parameters: { max_leads_per_run: 0 } }); // sends step 1
    replied.add('by_run_qualifies@example.com');
    replied.add('by_run_stops@example.com');
    const run = await api.post('/runs', { now: '2026-04-01T13:00:00Z', parameters: { max_leads_per_run: 0 } });
    expect(run.status).toBe(200);
    expect(await sequence(ids.by_run_qualifies!)).toMatchObject({ status: 'qualified', total_score: 25 });
    expect(await sequence(ids.by_run_stops!)).toMatchObject({ status: 'stopped', stop_reason: 'replied', total_score: 15 });
  });
});
