// Sign-in attempts are rate-limited per client address (NURTURE_PUBLIC_RATE_LIMIT a minute, as the
// other public pages): past the limit, 429 with Retry-After, even with a good key.
import { READ_KEY, startApi, type ApiFixture } from '../http-api/support/api.js';
import { signIn } from './support/dashboard-client.js';

describe('dashboard sign-in rate limit', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    process.env.NURTURE_PUBLIC_RATE_LIMIT = '3';
    f = await startApi();
  });
  afterAll(async () => {
    delete process.env.NURTURE_PUBLIC_RATE_LIMIT;
    await f.close();
  });

  it('refuses attempts over the limit, then even a good key', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn(f.app.url, `guess-${i}`)).status).toBe(401);
    const over = await fetch(`${f.app.url}/dashboard/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: f.app.url },
      body: new URLSearchParams({ api_key: READ_KEY }).toString(),
      redirect: 'manual',
    });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.headers.get('set-cookie')).toBeNull();
  });
});
