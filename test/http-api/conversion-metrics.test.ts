// GET /conversion-metrics?from=&to= : rows of mv_nurturing_conversion_metrics by UTC day.
import { type ApiFixture, enroll, insertLead, startApi } from './support/api.js';

describe('GET /conversion-metrics', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApi();
    for (const ext_id of ['m1', 'm2', 'm3']) await insertLead(f.t, { ext_id, score: 30 });
    const qualified = await enroll(f.api, 'm1', { now: '2025-01-10T10:00:00Z' });
    await enroll(f.api, 'm2', { now: '2025-01-10T23:59:59Z' });
    await enroll(f.api, 'm3', { now: '2025-01-11T00:00:00Z' });
    for (const [type, id] of [['replied', 'r1'], ['clicked', 'c1']]) {
      await f.api.post(`/sequences/${qualified}/engagement`, { event_type: type, provider_event_id: id, occurred_at: '2025-01-12T10:00:00Z' });
    }
    expect((await f.api.post('/runs', { parameters: { dry_run: true } })).status).toBe(200); // refreshes the view
  });
  afterAll(() => f.close());

  it('answers one row per UTC day the cohort started, oldest first', async () => {
    const res = await f.api.get('/conversion-metrics');
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      {
        date: '2025-01-10', total_sequences_started: 2, leads_qualified: 1, conversion_rate_pct: 50, emails_sent: 0,
        open_rate_pct: 0, click_rate_pct: 0, reply_rate_pct: 0, avg_days_to_qualify: expect.any(Number),
      },
      expect.objectContaining({ date: '2025-01-11', total_sequences_started: 1, leads_qualified: 0, avg_days_to_qualify: null }),
    ]);
  });

  it('keeps the days from..to (inclusive)', async () => {
    const dates = async (query: string) => (await f.api.get(`/conversion-metrics?${query}`)).body.rows.map((r: { date: string }) => r.date);
    expect(await dates('from=2025-01-11')).toEqual(['2025-01-11']);
    expect(await dates('to=2025-01-10')).toEqual(['2025-01-10']);
    expect(await dates('from=2025-01-10&to=2025-01-11')).toEqual(['2025-01-10', '2025-01-11']);
    expect(await dates('from=2025-01-12')).toEqual([]);
  });

  it.each([
    ['from=2025-02-30', 'from'],
    ['to=yesterday', 'to'],
    ['from=2025-01-11&to=2025-01-10', 'from'],
  ])('422 for ?%s, naming the field', async (query, field) => {
    expect(await f.api.get(`/conversion-metrics?${query}`)).toMatchObject({ status: 422, body: { field } });
  });

  it('400 for an unknown parameter', async () => {
    const res = await f.api.get('/conversion-metrics?day=2025-01-10');
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['property day should not exist']);
  });
});
