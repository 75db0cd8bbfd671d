// GET /metrics over real HTTP: after real webhook traffic every advertised series has moved and
// the gauges equal the rows they count; with NURTURE_METRICS_TOKEN set, only that bearer token
// gets in.
import { Registry } from 'prom-client';
import { standardWebhookHeaders, unix, newWebhookSecret } from '../webhooks/providers/support/signing.js';
import { post, specWebhookSuite, type WebhookFixture } from '../webhooks/support/webhook-fixture.js';

/** One sample's value from the Prometheus text format (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',').filter(Boolean);
    if (want.every((w) => have.includes(w)) && (want.length > 0 || have.length === 0)) return Number(m[3]);
  }
  return 0;
}

/** The series the README's /metrics row advertises, with the labels they are read by. */
const ADVERTISED = [
  'nurture_engagement_events_total',
  'nurture_webhook_requests_total',
  'nurture_sequences',
  'nurture_unmatched_events',
  'nurture_event_log_head',
  'nurture_projection_position',
];

describe('GET /metrics', () => {
  const { secret, fixture } = specWebhookSuite();
  let f: WebhookFixture;
  let delivery = 0;
  beforeAll(() => {
    f = fixture();
  });
  afterEach(() => {
    delete process.env.NURTURE_METRICS_TOKEN;
  });

  const scrape = async (authorization?: string) => {
    const r = await fetch(`${f.app.url}/metrics`, { headers: authorization ? { authorization } : {} });
    return { status: r.status, headers: r.headers, text: await r.text() };
  };
  const send = (payload: unknown, opts: { id?: string; key?: string } = {}) => {
    const body = JSON.stringify(payload);
    return post(`${f.app.url}/webhooks/engagement`, body, standardWebhookHeaders(opts.key ?? secret, opts.id ?? `m_${++delivery}`, unix(new Date()), body));
  };
  const event = (over: Record<string, unknown> = {}) => ({
    email: 'ana@example.com',
    event_type: 'opened',
    timestamp: '2026-08-02T10:30:00Z',
    sequence_id: f.sequences.a,
    ...over,
  });

  it('after real webhook traffic, moves every advertised series, and the gauges equal the rows they count', async () => {
    const before = (await scrape()).text;

    expect((await send(event(), { id: 'm_once' })).json).toMatchObject({ recorded: 1 });
    expect((await send(event(), { id: 'm_once' })).json).toMatchObject({ duplicates: 1 });
    expect((await send(event({ email: 'nobody@example.com', sequence_id: undefined }))).json).toMatchObject({ unmatched: 1 });
    expect((await send(event({ step_number: 99 }))).json.refused).toHaveLength(1);
    expect((await send(event(), { key: newWebhookSecret() })).status).toBe(401);
    await f.catchUp();

    const after = await scrape();
    expect(after.status).toBe(200);
    expect(after.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const moved = (name: string, labels: Record<string, string>) => sample(after.text, name, labels) - sample(before, name, labels);
    for (const outcome of ['recorded', 'duplicate', 'unmatched', 'refused']) {
      expect([outcome, moved('nurture_engagement_events_total', { source: 'webhook', outcome })]).toEqual([outcome, 1]);
    }
    expect(moved('nurture_webhook_requests_total', { source: 'engagement', status: '200' })).toBe(4);
    expect(moved('nurture_webhook_requests_total', { source: 'engagement', status: '401' })).toBe(1);
    expect(moved('nurture_unmatched_events', {})).toBe(1);
    expect(moved('nurture_event_log_head', {})).toBeGreaterThan(0);
    expect(moved('nurture_projection_position', { projection: 'nurturing_read_model' })).toBeGreaterThan(0);

    const db = f.t.db.pool;
    const statuses = (await db.query(`SELECT status, count(*)::int AS n FROM lead_nurturing_sequences GROUP BY status`)).rows;
    expect(statuses.length).toBeGreaterThan(0);
    for (const { status, n } of statuses) expect([status, sample(after.text, 'nurture_sequences', { status })]).toEqual([status, n]);
    const unmatched = (await db.query(`SELECT count(*)::int AS n FROM lead_nurturing_unmatched_events`)).rows[0].n;
    expect(sample(after.text, 'nurture_unmatched_events')).toBe(unmatched);
    const head = (await db.query(`SELECT max(global_position)::int AS n FROM es_events`)).rows[0].n;
    expect(sample(after.text, 'nurture_event_log_head')).toBe(head);

    for (const name of ADVERTISED) expect(after.text).toContain(`# TYPE ${name} `);
    expect(after.text).toMatch(/^nurture_process_process_cpu_seconds_total /m);
    // No counter of the service's own sits at zero: each one is incremented by something real.
    const own = (await f.app.app.get(Registry).getMetricsAsJSON()).filter((m) => String(m.type) === 'counter' && !m.name.startsWith('nurture_process_'));
    expect(own.map((m) => m.name).sort()).toEqual(['nurture_engagement_events_total', 'nurture_webhook_requests_total']);
    for (const m of own) expect([m.name, m.values.reduce((sum, v) => sum + v.value, 0) > 0]).toEqual([m.name, true]);
  });

  it('with NURTURE_METRICS_TOKEN set, answers only `Authorization: Bearer <that token>` (401 with WWW-Authenticate otherwise)', async () => {
    process.env.NURTURE_METRICS_TOKEN = 'scrape-token-1';
    for (const authorization of [undefined, 'Bearer wrong-token', 'Basic c2NyYXBlLXRva2VuLTE=', 'Bearer scrape-token-1x']) {
      const r = await scrape(authorization);
      expect([authorization, r.status]).toEqual([authorization, 401]);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(r.text).not.toContain('nurture_');
    }
    const ok = await scrape('Bearer scrape-token-1');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('# TYPE nurture_sequences gauge');
  });

  it('without NURTURE_METRICS_TOKEN it is open', async () => {
    expect((await scrape()).status).toBe(200);
  });
});
