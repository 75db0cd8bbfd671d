// POST /runs refusals: a bad parameter is named (422), a wrong type or field is 400, and nothing runs.
import { type ApiFixture, eventCount, startApi } from './support/api.js';

describe('POST /runs refuses, running nothing', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApi();
  });
  afterAll(() => f.close());

  let events = 0;
  let runs = 0;
  beforeEach(async () => {
    events = await eventCount(f.t);
    runs = (await f.api.get('/runs?limit=500')).body.items.length;
  });
  afterEach(async () => {
    expect(await eventCount(f.t)).toBe(events);
    expect((await f.api.get('/runs?limit=500')).body.items).toHaveLength(runs);
  });

  it.each([
    [{ parameters: { dry_run: true, max_leads_per_run: 'lots' } }, 'max_leads_per_run', 'invalid parameter max_leads_per_run: must be an integer, got "lots"'],
    [{ parameters: { dry_run: true, max_leads_per_rum: 3 } }, 'max_leads_per_rum', /^invalid parameter max_leads_per_rum: unknown parameter/],
    [{ parameters: {} }, 'email_webhook_url', 'invalid parameter email_webhook_url: is required unless dry_run is true'],
    [{ parameters: { email_webhook_url: 'ftp://x' } }, 'email_webhook_url', /must be an http\(s\) URL/],
    [{ parameters: { dry_run: true }, now: 'soon' }, 'now', /ISO-8601/],
  ])('422 naming the bad parameter (%#)', async (body, field, message) => {
    const res = await f.admin.post('/runs', body);
    expect(res.status).toBe(422);
    expect(res.body.field).toBe(field);
    expect(res.body.message).toMatch(message);
  });

  it.each([
    [{ parameters: 'dry_run' }, 'parameters must be an object'],
    [{ parameters: [1] }, 'parameters must be an object'],
    [{ conf: {} }, 'property conf should not exist'],
  ])('400 for a wrong type or unknown field (%#)', async (body, message) => {
    const res = await f.api.post('/runs', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(message);
  });
});
