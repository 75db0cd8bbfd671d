// Public endpoints are rate-limited per client: over the limit, 429 with Retry-After.
import { startTestApp, type TestApp } from '../support/http-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('rate limits on public endpoints', () => {
  let t: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    process.env.NURTURE_PUBLIC_RATE_LIMIT = '3';
    process.env.NURTURE_WEBHOOK_RATE_LIMIT = '5';
    process.env.NURTURE_METRICS_RATE_LIMIT = '2';
    t = await createTestDatabase();
    app = await startTestApp(t.db);
  });
  afterAll(async () => {
    delete process.env.NURTURE_PUBLIC_RATE_LIMIT;
    delete process.env.NURTURE_WEBHOOK_RATE_LIMIT;
    delete process.env.NURTURE_METRICS_RATE_LIMIT;
    delete process.env.NURTURE_METRICS_TOKEN;
    await app.close();
    await t.drop();
  });

  it('answers 429 with Retry-After past NURTURE_PUBLIC_RATE_LIMIT requests a minute to the unsubscribe pages', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const r = await fetch(`${app.url}/unsubscribe/not-a-token`);
      statuses.push(r.status);
      retryAfter = r.headers.get('retry-after');
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('counts webhooks apart, against NURTURE_WEBHOOK_RATE_LIMIT', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${app.url}/webhooks/engagement`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]); // 404: no NURTURE_WEBHOOK_SECRET here
  });

  it('limits /metrics apart, against NURTURE_METRICS_RATE_LIMIT, before its token is checked', async () => {
    process.env.NURTURE_METRICS_TOKEN = 'scrape-token';
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (const authorization of ['Bearer scrape-token', 'Bearer guess-1', 'Bearer guess-2', 'Bearer scrape-token']) {
      const r = await fetch(`${app.url}/metrics`, { headers: { authorization } });
      statuses.push(r.status);
      retryAfter = r.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 401, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
