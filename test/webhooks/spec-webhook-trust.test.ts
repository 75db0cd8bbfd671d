// POST /webhooks/engagement: what the specification's webhook says is kept (its `metadata`,
// bounded), and the time it claims is believed only when it can be true.
import { standardWebhookHeaders, unix } from './providers/support/signing.js';
import { post, specWebhookSuite, type WebhookFixture } from './support/webhook-fixture.js';

const SENT_AT = '2026-08-02T09:00:00.000Z'; // the fixture's first emails

describe('POST /webhooks/engagement: metadata and time', () => {
  const { secret, fixture } = specWebhookSuite();
  let f: WebhookFixture;
  let delivery = 0;
  beforeAll(() => {
    f = fixture();
  });

  const send = (payload: unknown) => {
    const body = JSON.stringify(payload);
    return post(`${f.app.url}/webhooks/engagement`, body, standardWebhookHeaders(secret, `trust_${++delivery}`, unix(new Date()), body));
  };
  const emailRow = async (sequenceId: number) => {
    await f.catchUp();
    const { rows } = await f.t.db.pool.query(
      `SELECT opened_at, clicked_at, metadata, metadata->>'campaign_id' AS campaign_id FROM lead_nurturing_events WHERE sequence_id = $1 AND step_number = 1`,
      [sequenceId],
    );
    return rows[0];
  };

  it('keeps the metadata string\'s keys on the email\'s row (the specification\'s example)', async () => {
    const r = await send({
      email: 'ana@example.com',
      event_type: 'opened',
      timestamp: '2026-08-02T10:30:00Z',
      sequence_id: f.sequences.a,
      metadata: '{"campaign_id": "abc123", "user_agent": "x"}',
    });
    expect(r).toMatchObject({ status: 200, json: { recorded: 1 } });
    const row = await emailRow(f.sequences.a);
    expect(row.campaign_id).toBe('abc123');
    expect(row.metadata).toMatchObject({ campaign_id: 'abc123', user_agent: 'x' });
    const { rows } = await f.t.db.pool.query(`SELECT data->'details' AS details FROM es_events WHERE event_type = 'EmailOpened'`);
    expect(rows).toEqual([{ details: { campaign_id: 'abc123', user_agent: 'x' } }]);
  });

  it('never lets metadata overwrite the service\'s own keys; later values of its other keys win', async () => {
    const click = (metadata: unknown, timestamp: string) =>
      send({ email: 'ana@example.com', event_type: 'clicked', timestamp, sequence_id: f.sequences.a, url: 'https://x.test/a', metadata });
    expect((await click({ clicked_urls: 'forged', campaign_id: 'def456' }, '2026-08-02T11:00:00Z')).status).toBe(200);
    const row = await emailRow(f.sequences.a);
    expect(row.metadata).toMatchObject({ clicked_urls: ['https://x.test/a'], campaign_id: 'def456', user_agent: 'x' });
  });

  it.each([
    ['a string that is not JSON', '{"campaign_id": '],
    ['a JSON array', '["abc123"]'],
    ['over 4 KiB', { blob: Array.from({ length: 5 }, () => 'x'.repeat(1000)) }],
    ['over 32 keys', Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, i]))],
    ['a value over 1 KiB', JSON.stringify({ user_agent: 'x'.repeat(1025) })],
  ])('refuses metadata that is %s with 422 naming the field, appending nothing', async (_, metadata) => {
    const before = await f.eventCount();
    const ok = { email: 'bo@example.com', event_type: 'delivered', sequence_id: f.sequences.b };
    const r = await send([ok, { ...ok, metadata }]);
    expect(r.status).toBe(422);
    expect(r.json.field).toBe('[1].metadata');
    expect(await f.eventCount()).toBe(before);
  });

  it('records a time far in the future as the time received, keeping the claimed one in metadata', async () => {
    const before = Date.now();
    const r = await send({ email: 'bo@example.com', event_type: 'opened', timestamp: '2031-01-01T00:00:00Z', sequence_id: f.sequences.b });
    const after = Date.now();
    expect(r).toMatchObject({ status: 200, json: { recorded: 1 } });
    const row = await emailRow(f.sequences.b);
    expect(row.opened_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.opened_at.getTime()).toBeLessThanOrEqual(after);
    expect(row.metadata).toMatchObject({ claimed_opened_at: '2031-01-01T00:00:00.000Z' });
    const { rows } = await f.t.db.pool.query(`SELECT last_engagement_at FROM lead_nurturing_sequences WHERE id = $1`, [f.sequences.b]);
    expect(rows[0].last_engagement_at).toEqual(row.opened_at);
  });

  it('records a time before the email was sent as its send time, keeping the claimed one', async () => {
    const r = await send({ email: 'bo@example.com', event_type: 'clicked', timestamp: '2026-07-30T12:00:00Z', sequence_id: f.sequences.b });
    expect(r).toMatchObject({ status: 200, json: { recorded: 1 } });
    const row = await emailRow(f.sequences.b);
    expect(row.clicked_at).toEqual(new Date(SENT_AT));
    expect(row.metadata).toMatchObject({ claimed_clicked_at: '2026-07-30T12:00:00.000Z' });
  });
});
