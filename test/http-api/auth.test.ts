// Every command and query needs `Authorization: Bearer <a key of NURTURE_API_KEYS>`; /health and
// /docs do not.
import { API_KEY, type ApiFixture, OTHER_KEY, startApi } from './support/api.js';

const PROTECTED: [string, string][] = [
  ['POST', '/sequences'],
  ['POST', '/sequences/1/pause'],
  ['POST', '/sequences/1/resume'],
  ['POST', '/sequences/1/stop'],
  ['POST', '/sequences/1/engagement'],
  ['POST', '/runs'],
  ['GET', '/sequences'],
  ['GET', '/sequences/1'],
  ['GET', '/conversion-metrics'],
  ['GET', '/templates'],
  ['POST', '/templates'],
  ['PUT', '/templates/1'],
  ['GET', '/runs'],
  ['GET', '/runs/run_x'],
  ['GET', '/leads/lead_1/history'],
];

describe('API key', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApi();
  });
  afterAll(() => f.close());

  it.each(PROTECTED)('%s %s answers 401 without a key, with a wrong key, and with another scheme', async (method, path) => {
    const body = method === 'GET' ? undefined : {};
    const none = await f.api.request(method, path, body, { key: null });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'missing API key: send the header "Authorization: Bearer <key>"' });
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const wrong = await f.api.request(method, path, body, { key: `${API_KEY}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('invalid API key');
    const basic = await f.api.request(method, path, body, { key: null, headers: { authorization: `Basic ${API_KEY}` } });
    expect(basic.status).toBe(401);
  });

  it('accepts every configured key (trimmed), case-insensitive scheme', async () => {
    expect((await f.api.get('/templates')).status).toBe(200);
    expect((await f.api.get('/templates', { key: OTHER_KEY })).status).toBe(200);
    expect((await f.api.get('/templates', { key: null, headers: { authorization: `bearer ${API_KEY}` } })).status).toBe(200);
  });

  it('answers 401 to everyone when no key is configured', async () => {
    const saved = process.env.NURTURE_API_KEYS;
    try {
      for (const value of [undefined, '', ' , ']) {
        if (value === undefined) delete process.env.NURTURE_API_KEYS;
        else process.env.NURTURE_API_KEYS = value;
        const res = await f.api.get('/templates');
        expect(res.status).toBe(401);
        expect(res.body.message).toBe('no API keys configured (set NURTURE_API_KEYS)');
      }
    } finally {
      process.env.NURTURE_API_KEYS = saved;
    }
  });

  it('leaves /health and /docs open', async () => {
    expect((await f.api.get('/health', { key: null })).status).toBe(200);
    expect((await f.api.get('/docs/openapi.json', { key: null })).status).toBe(200);
  });
});
