// POST /webhooks/engagement: the specification's format, signed with Standard Webhooks.
import { newWebhookSecret, standardWebhookHeaders, unix } from './providers/support/signing.js';
import { post, specWebhookSuite, type WebhookFixture } from './support/webhook-fixture.js';

describe('POST /webhooks/engagement (the specification\'s format)', () => {
  const { secret, fixture } = specWebhookSuite();
  let f: WebhookFixture;
  let delivery = 0;
  beforeAll(() => {
    f = fixture();
  });

  const send = (payload: unknown, opts: { id?: string; at?: Date; key?: string; tamper?: (body: string) => string } = {}) => {
    const body = JSON.stringify(payload);
    const id = opts.id ?? `msg_${++delivery}`;
    const headers = standardWebhookHeaders(opts.key ?? secret, id, unix(opts.at ?? new Date()), body);
    return post(`${f.app.url}/webhooks/engagement`, opts.tamper ? opts.tamper(body) : body, headers);
  };
  const event = (over: Record<string, unknown> = {}) => ({
    email: 'ana@example.com',
    event_type: 'opened',
    timestamp: '2026-08-02T10:30:00Z',
    sequence_id: f.sequences.a,
    metadata: '{"campaign_id": "abc123", "user_agent": "..."}',
    ...over,
  });

  it('records an event in the specification\'s format, metadata given as a JSON string', async () => {
    const before = await f.eventCount('EmailOpened');
    const r = await send(event());
    expect(r).toEqual({ status: 200, json: { received: 1, recorded: 1, duplicates: 0, unmatched: 0, ignored: 0, refused: [] } });
    expect(await f.eventCount('EmailOpened')).toBe(before + 1);
  });

  it('takes an array in one request, and a reply plus a click on base score 30 qualify the lead', async () => {
    const r = await send([event({ event_type: 'replied', timestamp: '2026-08-02T11:00:00Z' }), event({ event_type: 'clicked', timestamp: '2026-08-02T11:05:00Z', metadata: { url: 'https://x.test' } })]);
    expect(r.json).toMatchObject({ received: 2, recorded: 2 });
    expect(await f.eventCount('LeadQualified')).toBe(1);
  });

  it('a replayed delivery (same webhook-id) is acknowledged and appends nothing', async () => {
    await send(event({ event_type: 'delivered' }), { id: 'msg_replayed' });
    const before = await f.eventCount();
    const again = await send(event({ event_type: 'delivered' }), { id: 'msg_replayed' });
    expect(again).toMatchObject({ status: 200, json: { recorded: 0, duplicates: 1 } });
    expect(await f.eventCount()).toBe(before);
  });

  it.each([
    ['a tampered body', { tamper: (b: string) => b.replace('opened', 'replied') }, /signature/],
    ['a wrong key', { key: newWebhookSecret() }, /signature/],
    ['a stale timestamp', { at: new Date(Date.now() - 10 * 60_000) }, /timestamp/],
    ['a timestamp from the future', { at: new Date(Date.now() + 10 * 60_000) }, /timestamp/],
  ])('refuses %s with 401 and appends nothing', async (_, opts, reason) => {
    const before = await f.eventCount();
    const r = await send(event(), opts);
    expect(r.status).toBe(401);
    expect(r.json.message).toMatch(reason);
    expect(await f.eventCount()).toBe(before);
  });

  it('refuses missing signature headers with 401', async () => {
    const r = await post(`${f.app.url}/webhooks/engagement`, JSON.stringify(event()), {});
    expect(r.status).toBe(401);
  });

  it.each([
    [{ ...{}, event_type: 'exploded' }, /event_type/],
    [{ timestamp: 'yesterday' }, /timestamp/],
    [{ sequence_id: 'abc' }, /sequence_id/],
  ])('refuses %j naming the field, appending nothing', async (over, field) => {
    const before = await f.eventCount();
    const r = await send([event(), event(over)]);
    expect([400, 422]).toContain(r.status);
    expect(JSON.stringify(r.json)).toMatch(field);
    expect(await f.eventCount()).toBe(before);
  });

  it('refuses malformed JSON with 400 naming the problem, appending nothing', async () => {
    const before = await f.eventCount();
    const body = '{"email":';
    const r = await post(`${f.app.url}/webhooks/engagement`, body, standardWebhookHeaders(secret, 'msg_bad_json', unix(new Date()), body));
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/JSON/);
    expect(await f.eventCount()).toBe(before);
  });

  it('acknowledges an event for an unknown email or sequence (2xx), keeps it, and counts it', async () => {
    const r = await send([event({ sequence_id: undefined, email: 'stranger@example.com' }), event({ sequence_id: 999999 })]);
    expect(r).toMatchObject({ status: 200, json: { received: 2, recorded: 0, unmatched: 2 } });
    const { rows } = await f.t.db.pool.query(`SELECT source, email, sequence_id, reason FROM lead_nurturing_unmatched_events ORDER BY id`);
    expect(rows).toEqual([
      { source: 'webhook', email: 'stranger@example.com', sequence_id: null, reason: 'no sequence for email stranger@example.com' },
      { source: 'webhook', email: 'ana@example.com', sequence_id: '999999', reason: 'no sequence 999999' },
    ]);
    const listed = await fetch(`${f.app.url}/unmatched-events?limit=1`, { headers: { authorization: 'Bearer test-key' } });
    expect(listed.status).toBe(200);
    const page = (await listed.json()) as { items: { email: string; reason: string }[]; next_cursor: number };
    expect(page.items).toEqual([expect.objectContaining({ email: 'ana@example.com', reason: 'no sequence 999999' })]);
    const rest = await (await fetch(`${f.app.url}/unmatched-events?cursor=${page.next_cursor}`, { headers: { authorization: 'Bearer test-key' } })).json();
    expect(rest).toEqual({ items: [expect.objectContaining({ email: 'stranger@example.com' })], next_cursor: null });
    expect((await fetch(`${f.app.url}/unmatched-events`)).status).toBe(401);
    const metrics = await (await fetch(`${f.app.url}/metrics`)).text();
    expect(metrics).toMatch(/nurture_unmatched_events 2/);
    expect(metrics).toMatch(/nurture_engagement_events_total\{source="webhook",outcome="unmatched"\} 2/);
  });

  it('refuses a body over the limit with 413', async () => {
    const huge = JSON.stringify([event({ metadata: 'x'.repeat(1_100_000) })]);
    const r = await post(`${f.app.url}/webhooks/engagement`, huge, standardWebhookHeaders(secret, 'msg_huge', unix(new Date()), huge));
    expect(r.status).toBe(413);
  });
});
