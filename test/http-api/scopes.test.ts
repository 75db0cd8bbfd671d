// Scoped API keys over real HTTP: `read` < `write` < `admin`, each including the ones before it; a
// key without a scope is `write`. Too small a scope is 403 naming the scope needed; no or an unknown
// key stays 401. Every command and query is rate-limited per key.
import { ADMIN_KEY, API_KEY, type ApiFixture, READ_KEY, startApi } from './support/api.js';

type Scope = 'read' | 'write' | 'admin';
const ROUTES: [string, string, Scope][] = [
  ['GET', '/sequences', 'read'],
  ['GET', '/sequences/1', 'read'],
  ['GET', '/conversion-metrics', 'read'],
  ['GET', '/templates', 'read'],
  ['GET', '/runs', 'read'],
  ['GET', '/runs/run_x', 'read'],
  ['GET', '/leads/lead_1/history', 'read'],
  ['GET', '/unmatched-events', 'read'],
  ['GET', '/suppressions', 'read'],
  ['GET', '/reports', 'read'],
  ['GET', '/reports/weekly-2026-W10', 'read'],
  ['GET', '/reports/weekly-2026-W10/csv', 'read'],
  ['GET', '/reports/weekly-2026-W10/html', 'read'],
  ['POST', '/sequences', 'write'],
  ['POST', '/sequences/1/pause', 'write'],
  ['POST', '/sequences/1/resume', 'write'],
  ['POST', '/sequences/1/stop', 'write'],
  ['POST', '/sequences/1/engagement', 'write'],
  ['POST', '/templates', 'write'],
  ['PUT', '/templates/1', 'write'],
  ['POST', '/suppressions', 'write'],
  ['DELETE', '/suppressions/a@example.com', 'write'],
  ['POST', '/runs', 'write'],
];
const KEYS: [Scope, string][] = [
  ['read', READ_KEY],
  ['write', API_KEY],
  ['admin', ADMIN_KEY],
];
const RANK: Record<Scope, number> = { read: 0, write: 1, admin: 2 };

describe('API key scopes', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApi();
  });
  afterAll(() => f.close());

  describe.each(ROUTES)('%s %s needs "%s"', (method, path, needed) => {
    it.each(KEYS)('a %s key', async (held, key) => {
      // Bodies that the handler refuses (400/404/422) once past the guard: only the scope is under test.
      const body = method === 'GET' || method === 'DELETE' ? undefined : path === '/runs' ? { parameters: { dry_run: true } } : {};
      const res = await f.api.request(method, path, body, { key });
      if (RANK[held] >= RANK[needed]) {
        expect(res.status).not.toBe(401);
        expect(res.status).not.toBe(403);
      } else {
        expect(res.status).toBe(403);
        expect(res.body.message).toBe(`this API key has the "${held}" scope; ${method} ${path.replace(/\/1\b/, '/:id').replace('/run_x', '/:id').replace('/lead_1/', '/:extId/').replace('/a@example.com', '/:email')} needs the "${needed}" scope`);
      }
    });
  });

  it('a refused command changes nothing', async () => {
    const res = await f.api.post('/suppressions', { email: 'kept@example.com' }, { key: READ_KEY });
    expect(res.status).toBe(403);
    expect((await f.api.get('/suppressions')).body.items).toEqual([]);
  });

  it('a key with no scope is write; scopes are case-insensitive; an entry with an unknown scope is no key at all', async () => {
    const saved = process.env.NURTURE_API_KEYS;
    try {
      process.env.NURTURE_API_KEYS = 'plain, boss:ADMIN, typo:admn';
      expect((await f.api.post('/suppressions', { email: 'w@example.com' }, { key: 'plain' })).status).toBe(201);
      expect((await f.api.post('/runs', { parameters: { dry_run: true }, now: '2020-01-01T00:00:00Z' }, { key: 'plain' })).status).toBe(403);
      expect((await f.api.post('/runs', { parameters: { dry_run: true }, now: '2020-01-01T00:00:00Z' }, { key: 'boss' })).status).toBe(200);
      for (const key of ['typo', 'typo:admn']) {
        const res = await f.api.get('/templates', { key });
        expect(res.status).toBe(401);
        expect(res.body.message).toBe('invalid API key');
      }
    } finally {
      process.env.NURTURE_API_KEYS = saved;
    }
  });

  it('limits each key to NURTURE_API_RATE_LIMIT requests a minute (429 with Retry-After), keys apart', async () => {
    const saved = process.env.NURTURE_API_KEYS;
    process.env.NURTURE_API_KEYS = 'burst:read,calm:read';
    process.env.NURTURE_API_RATE_LIMIT = '3';
    try {
      for (let i = 0; i < 3; i++) expect((await f.api.get('/templates', { key: 'burst' })).status).toBe(200);
      const over = await f.api.get('/templates', { key: 'burst' });
      expect(over.status).toBe(429);
      expect(over.body.message).toMatch(/^rate limit of this API key exceeded: try again in \d+ s$/);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await f.api.get('/templates', { key: 'calm' })).status).toBe(200);
      // An unknown key is refused before it is counted: it cannot use up a real key's budget.
      expect((await f.api.get('/templates', { key: 'nobody' })).status).toBe(401);
    } finally {
      process.env.NURTURE_API_KEYS = saved;
      delete process.env.NURTURE_API_RATE_LIMIT;
    }
  });
});
