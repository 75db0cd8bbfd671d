// Many webhook requests at once are ingested in shared batches (group commit). Whatever the
// batching, each request gets its own exact answer, every provider event is recorded exactly
// once, and a writer racing on the same streams (the API's engagement command) loses nothing.
import { standardWebhookHeaders, unix } from './providers/support/signing.js';
import { post, specWebhookSuite, type WebhookFixture } from './support/webhook-fixture.js';

describe('POST /webhooks/engagement under concurrent requests (group commit)', () => {
  const { secret, fixture } = specWebhookSuite();
  let f: WebhookFixture;
  let delivery = 0;
  beforeAll(() => {
    f = fixture();
  });

  const send = (items: unknown[]) => {
    const body = JSON.stringify(items);
    return post(`${f.app.url}/webhooks/engagement`, body, standardWebhookHeaders(secret, `msg_${++delivery}`, unix(new Date()), body));
  };
  const opened = (sequence: number, id: string) => ({
    email: 'x@example.com',
    event_type: 'opened',
    timestamp: '2026-08-02T10:30:00Z',
    sequence_id: sequence,
    event_id: id,
  });
  const engagementEvents = async () =>
    (await f.t.db.pool.query(`SELECT data->>'providerEventId' AS id FROM es_events WHERE event_type = 'EmailOpened'`)).rows.map((r) => r.id as string);

  it('answers each request with its own counts and records each event once, with duplicates across requests', async () => {
    const before = (await engagementEvents()).length;
    // 24 requests of 5 events over both sequences; ids repeat across requests (provider retries).
    const requests = Array.from({ length: 24 }, (_, r) =>
      Array.from({ length: 5 }, (_, i) => opened(i % 2 ? f.sequences.a : f.sequences.b, `gc-${(r * 5 + i) % 70}`)),
    );
    const answers = await Promise.all(requests.map(send));
    for (const a of answers) expect(a).toMatchObject({ status: 200, json: { received: 5, unmatched: 0, refused: [] } });
    for (const a of answers) expect(a.json.recorded + a.json.duplicates).toBe(5);

    const ids = requests.flat().map((e) => `${e.sequence_id}:${e.event_id}`);
    const distinct = new Set(ids).size;
    expect(answers.reduce((n, a) => n + a.json.recorded, 0)).toBe(distinct);
    expect(answers.reduce((n, a) => n + a.json.duplicates, 0)).toBe(ids.length - distinct);
    const recorded = await engagementEvents();
    expect(recorded.length - before).toBe(distinct);
  });

  it('loses and doubles nothing while another writer appends to the same sequences', async () => {
    const before = (await engagementEvents()).length;
    const webhook = Array.from({ length: 16 }, (_, r) => send([opened(f.sequences.a, `race-w${r}`), opened(f.sequences.b, `race-w${r}`)]));
    const api = Array.from({ length: 8 }, (_, r) =>
      fetch(`${f.app.url}/sequences/${f.sequences.a}/engagement`, {
        method: 'POST',
        headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' },
        body: JSON.stringify({ event_type: 'opened', provider_event_id: `race-api${r}`, occurred_at: '2026-08-02T10:31:00Z' }),
      }).then(async (res) => ({ status: res.status, json: await res.json() })),
    );
    const [hooks, commands] = await Promise.all([Promise.all(webhook), Promise.all(api)]);
    for (const h of hooks) expect(h).toMatchObject({ status: 200, json: { recorded: 2, duplicates: 0 } });
    for (const c of commands) expect(c).toMatchObject({ status: 200, json: { recorded: true } });
    expect((await engagementEvents()).length - before).toBe(16 * 2 + 8);

    // The streams are consistent: positions 0..n without gaps, every id once.
    const { rows } = await f.t.db.pool.query(
      `SELECT stream_id, count(*)::int AS n, max(stream_position)::int AS last,
              count(DISTINCT data->>'providerEventId') FILTER (WHERE event_type = 'EmailOpened')::int AS ids,
              count(*) FILTER (WHERE event_type = 'EmailOpened')::int AS opens
         FROM es_events WHERE stream_id LIKE 'nurturing_sequence-%' GROUP BY stream_id`,
    );
    for (const r of rows) {
      expect(r.last).toBe(r.n - 1);
      expect(r.ids).toBe(r.opens);
    }
  });
});
