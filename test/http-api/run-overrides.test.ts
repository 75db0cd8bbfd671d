// A run cannot be redirected by a caller: per-run overrides of the URLs a run sends to and of its
// `now` need an admin key (403 otherwise); an overriding URL must name a host of
// NURTURE_ALLOWED_HOSTS (422 otherwise); a real run cannot be run as of the future (422). A refused
// run runs nothing: no report, no event, no request to any URL.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmailSink } from '../support/email-sink.js';
import { ADMIN_KEY, type ApiFixture, eventCount, insertLead, startApi } from './support/api.js';

describe('per-run overrides', () => {
  let f: ApiFixture;
  const sink = new EmailSink();
  /** Any request to it would be a run redirected. */
  let trap: Server;
  let trapHits = 0;
  let trapUrl = '';

  beforeAll(async () => {
    await sink.start();
    trap = createServer((_req, res) => {
      trapHits++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    trapUrl = `http://localhost:${(trap.address() as AddressInfo).port}/collect`;
    f = await startApi();
    process.env.NURTURE_EMAIL_WEBHOOK_URL = sink.url;
    await insertLead(f.t, { ext_id: 'lead_cold', created_at: new Date().toISOString() });
  });
  afterAll(async () => {
    delete process.env.NURTURE_EMAIL_WEBHOOK_URL;
    await f.close();
    await sink.stop();
    await new Promise((resolve) => trap.close(resolve));
  });

  let events = 0;
  let runs = 0;
  const expectNothingRan = async () => {
    expect(await eventCount(f.t)).toBe(events);
    expect((await f.api.get('/runs?limit=500')).body.items).toHaveLength(runs);
    expect(trapHits).toBe(0);
    expect(sink.received).toHaveLength(0);
  };
  beforeEach(async () => {
    events = await eventCount(f.t);
    runs = (await f.api.get('/runs?limit=500')).body.items.length;
  });

  it.each([
    [{ parameters: { email_webhook_url: 'http://127.0.0.1:1/x' } }, 'parameters.email_webhook_url'],
    [{ parameters: { engagement_api_url: 'http://127.0.0.1:1/x' } }, 'parameters.engagement_api_url'],
    [{ parameters: { slack_webhook_url: 'http://127.0.0.1:1/x' } }, 'parameters.slack_webhook_url'],
    [{ parameters: { dry_run: true }, now: '2020-01-01T00:00:00Z' }, 'now'],
    [{ parameters: { email_webhook_url: 'http://127.0.0.1:1/x', dry_run: true }, now: '2020-01-01T00:00:00Z' }, 'parameters.email_webhook_url, now'],
  ])('a write key overriding a URL or now gets 403 naming the admin scope (%#)', async (body, what) => {
    const res = await f.api.post('/runs', body);
    expect(res.status).toBe(403);
    expect(res.body.message).toBe(`overriding ${what} needs the "admin" scope (this API key has "write")`);
    await expectNothingRan();
  });

  it('a write key may still run with its other parameters', async () => {
    const res = await f.api.post('/runs', { parameters: { dry_run: true, max_leads_per_run: 5 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'succeeded', dry_run: true });
  });

  it.each(['email_webhook_url', 'engagement_api_url', 'slack_webhook_url'])('an admin key overriding %s with a host outside NURTURE_ALLOWED_HOSTS gets 422 naming it', async (name) => {
    const res = await f.admin.post('/runs', { parameters: { [name]: trapUrl } });
    expect(res.status).toBe(422);
    expect(res.body.field).toBe(name);
    expect(res.body.message).toBe(`${name}: host "localhost" is not allowed for a per-run override (allowed hosts: 127.0.0.1)`);
    await expectNothingRan();
  });

  it('with no NURTURE_ALLOWED_HOSTS, no override URL is allowed, internal addresses included', async () => {
    const saved = process.env.NURTURE_ALLOWED_HOSTS;
    delete process.env.NURTURE_ALLOWED_HOSTS;
    try {
      for (const url of ['http://127.0.0.1:1/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]:8080/']) {
        const res = await f.admin.post('/runs', { parameters: { email_webhook_url: url } });
        expect(res.status).toBe(422);
        expect(res.body.field).toBe('email_webhook_url');
        expect(res.body.message).toMatch(/is not allowed for a per-run override \(NURTURE_ALLOWED_HOSTS is not set, so no host is\)$/);
      }
      await expectNothingRan();
    } finally {
      process.env.NURTURE_ALLOWED_HOSTS = saved;
    }
  });

  it('a real run cannot move now into the future (422); a dry run may preview it', async () => {
    const future = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const real = await f.admin.post('/runs', { now: future });
    expect(real.status).toBe(422);
    expect(real.body.field).toBe('now');
    expect(real.body.message).toMatch(/^now: a real run cannot be run as of a future instant/);
    await expectNothingRan();
    const dry = await f.admin.post('/runs', { now: future, parameters: { dry_run: true } });
    expect(dry.status).toBe(200);
    expect(dry.body.now).toBe(future);
    expect(sink.received).toHaveLength(0);
  });

  it('an admin key may redirect to an allowed host and run as of the past', async () => {
    const other = await new EmailSink().start();
    try {
      const res = await f.api.post('/runs', { parameters: { email_webhook_url: other.url }, now: new Date(Date.now() - 1000).toISOString() }, { key: ADMIN_KEY });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('succeeded');
      expect(other.received.map((e) => e.body.to)).toEqual(['lead_cold@example.com']);
      expect(sink.received).toHaveLength(0);
    } finally {
      await other.stop();
    }
  });
});
