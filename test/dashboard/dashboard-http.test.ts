// The dashboard over real HTTP: sign-in with a read key, the session cookie, the snapshot and
// the change stream, and what is refused (no cookie, a cross-site POST, a removed key).
import { API_KEY, READ_KEY, TEST_API_KEYS, enroll, type Json, insertLead, startApi, type ApiFixture } from '../http-api/support/api.js';
import { LiveProjectionService } from '../../src/infrastructure/serve/live-projection.service.js';
import { SESSION_COOKIE, SseReader, signIn } from './support/dashboard-client.js';

describe('dashboard over HTTP', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApi();
  });
  afterAll(async () => {
    process.env.NURTURE_API_KEYS = TEST_API_KEYS;
    await f.close();
  });

  const data = (cookie: string | null) => fetch(`${f.app.url}/dashboard/data`, { headers: cookie ? { cookie } : {} });

  it('serves a sign-in form', async () => {
    const res = await fetch(`${f.app.url}/dashboard/sign-in`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('name="api_key"');
  });

  it('a read key signs in: 303 to /dashboard with an HttpOnly, SameSite=Strict cookie on /dashboard, not Secure over http', async () => {
    const r = await signIn(f.app.url, READ_KEY);
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/^\/dashboard\?lang=/);
    expect(r.cookie).not.toBeNull();
    expect(r.setCookie).toMatch(/HttpOnly/i);
    expect(r.setCookie).toMatch(/SameSite=Strict/i);
    expect(r.setCookie).toMatch(/Path=\/dashboard(;|$)/);
    expect(r.setCookie).not.toMatch(/Secure/i);
    expect(r.setCookie).not.toContain(READ_KEY);
  });

  it('the cookie is Secure when a loopback proxy says the request came over https', async () => {
    const r = await signIn(f.app.url, READ_KEY, { origin: f.app.url, 'x-forwarded-proto': 'https' });
    expect(r.status).toBe(303);
    expect(r.setCookie).toMatch(/; Secure/i);
  });

  it('a write key signs in too', async () => {
    const r = await signIn(f.app.url, API_KEY);
    expect(r.status).toBe(303);
    expect((await data(r.cookie)).status).toBe(200);
  });

  it.each([['a wrong key', 'k-not-configured'], ['no key', '']])('%s: 401 page and no cookie', async (_, key) => {
    const r = await signIn(f.app.url, key);
    expect(r.status).toBe(401);
    expect(r.setCookie).toBeNull();
    expect(r.body).toContain('sign-in-error');
  });

  it.each([
    ['another Origin', { origin: 'http://evil.example' }],
    ['another Referer and no Origin', { referer: 'http://evil.example/form' }],
    ['neither Origin nor Referer', {}],
  ])('a sign-in POST with %s is refused with 403 and sets nothing', async (_, headers: Record<string, string>) => {
    const r = await signIn(f.app.url, READ_KEY, headers);
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ field: 'origin' });
    expect(r.setCookie).toBeNull();
  });

  it('without a cookie: data and events are 401, the page redirects to sign-in', async () => {
    expect((await data(null)).status).toBe(401);
    expect((await data(`${SESSION_COOKIE}=forged.token`)).status).toBe(401);
    const stream = await SseReader.open(f.app.url, null);
    expect(stream.status).toBe(401);
    const page = await fetch(`${f.app.url}/dashboard`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/dashboard\/sign-in/);
  });

  it('the snapshot counts what the read side holds', async () => {
    await insertLead(f.t, { ext_id: 'dash_1' });
    await enroll(f.api, 'dash_1');
    // The snapshot is the read side as of the projector: let it apply the enrollment first.
    await f.app.app.get(LiveProjectionService).catchUp();
    const { cookie } = await signIn(f.app.url, READ_KEY);
    const res = await data(cookie);
    expect(res.status).toBe(200);
    const body: Json = await res.json();
    const { rows } = await f.t.db.pool.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'active')::int AS active FROM lead_nurturing_sequences`);
    expect(body.funnel.started).toBe(rows[0].n);
    expect(body.active).toBe(rows[0].active);
    const head = await f.t.db.pool.query(`SELECT max(global_position)::int AS head FROM es_events`);
    expect(body.head).toBe(head.rows[0].head);
    expect(body.events[0]).toMatchObject({ position: head.rows[0].head, type: expect.any(String), stream: expect.any(String) });
    expect(body.events.length).toBeLessThanOrEqual(20);
    expect(body).toMatchObject({ suppressions: 0, unmatchedEvents: 0, runs: [], days: expect.any(Array) });
  });

  it('counts the suppression list as operators add and remove addresses (the count SQL reads)', async () => {
    const { cookie } = await signIn(f.app.url, READ_KEY);
    const shown = async () => ((await (await data(cookie)).json()) as Json).suppressions as number;
    const counted = async () => (await f.t.db.pool.query(`SELECT count(*)::int AS n FROM lead_nurturing_suppressions`)).rows[0].n as number;
    const before = await shown();
    expect(before).toBe(await counted());
    expect((await f.api.post('/suppressions', { email: 'Gone@Example.com', reason: 'manual' })).status).toBe(201);
    expect((await f.api.post('/suppressions', { email: 'gone@example.com', reason: 'manual' })).status).toBe(200); // already listed
    expect((await f.api.post('/suppressions', { email: 'also-gone@example.com', reason: 'manual' })).status).toBe(201);
    expect(await shown()).toBe(before + 2);
    expect((await f.api.request('DELETE', '/suppressions/gone%40example.com')).status).toBe(204);
    expect((await f.api.request('DELETE', '/suppressions/gone%40example.com')).status).toBe(404);
    expect(await shown()).toBe(before + 1);
    expect(await shown()).toBe(await counted());
    const body: Json = await (await data(cookie)).json();
    expect(body.latestSuppressions[0]).toMatchObject({ email: 'also-gone@example.com', reason: 'manual', source: 'operator' });
    expect(body.latestSuppressions.map((x: Json) => x.email)).not.toContain('gone@example.com');
  });

  it('the stream sends a change at once, then one after an append; Last-Event-ID resumes (at once only if the position moved since)', async () => {
    const { cookie } = await signIn(f.app.url, READ_KEY);
    // Nothing left to project, so the position stays put until the append below.
    await f.app.app.get(LiveProjectionService).catchUp();
    const stream = await SseReader.open(f.app.url, cookie);
    try {
      expect(stream.status).toBe(200);
      const first = await stream.next();
      expect(first).toMatchObject({ event: 'change' });
      const position = JSON.parse(first!.data!).position as number;
      // The id marks the position and the two lists' sizes (they change outside the log).
      expect(first!.id).toMatch(new RegExp(`^${position}\\.\\d+\\.\\d+$`));
      const resumed = await SseReader.open(f.app.url, cookie, first!.id);
      expect(await resumed.next(1200)).toBeNull();
      const older = await SseReader.open(f.app.url, cookie, first!.id!.replace(/^\d+/, String(position - 1)));
      expect(JSON.parse((await older.next())!.data!).position).toBe(position);
      older.close();
      await insertLead(f.t, { ext_id: 'dash_2' });
      await enroll(f.api, 'dash_2');
      const change = await stream.next();
      expect(change).toMatchObject({ event: 'change' });
      const moved = JSON.parse(change!.data!);
      expect(moved.position).toBeGreaterThan(position);
      expect(moved.behind).toBe(moved.head - moved.position);
      const resumedChange = await resumed.next();
      expect(JSON.parse(resumedChange!.data!).position).toBeGreaterThan(position);
      resumed.close();
    } finally {
      stream.close();
    }
  });

  it('the stream sends a change when the suppression list changes, though the log did not move', async () => {
    const { cookie } = await signIn(f.app.url, READ_KEY);
    await f.app.app.get(LiveProjectionService).catchUp();
    const stream = await SseReader.open(f.app.url, cookie);
    try {
      const first = await stream.next();
      expect((await f.api.post('/suppressions', { email: 'quiet@example.com', reason: 'manual' })).status).toBe(201);
      const change = await stream.next();
      expect(change).toMatchObject({ event: 'change' });
      const [position, , suppressions] = change!.id!.split('.').map(Number);
      expect(position).toBe(JSON.parse(first!.data!).position);
      expect(suppressions).toBe(Number(first!.id!.split('.')[2]) + 1);
    } finally {
      stream.close();
    }
  });

  it('signing out clears the cookie; a POST from another Origin cannot sign out', async () => {
    const { cookie } = await signIn(f.app.url, READ_KEY);
    const cross = await fetch(`${f.app.url}/dashboard/sign-out`, { method: 'POST', redirect: 'manual', headers: { cookie: cookie!, origin: 'http://evil.example' } });
    expect(cross.status).toBe(403);
    const out = await fetch(`${f.app.url}/dashboard/sign-out`, { method: 'POST', redirect: 'manual', headers: { cookie: cookie!, origin: f.app.url } });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Expires=Thu, 01 Jan 1970`, 'i'));
  });

  it('a key removed from NURTURE_API_KEYS ends its sessions', async () => {
    const { cookie } = await signIn(f.app.url, READ_KEY);
    expect((await data(cookie)).status).toBe(200);
    process.env.NURTURE_API_KEYS = API_KEY;
    try {
      expect((await data(cookie)).status).toBe(401);
    } finally {
      process.env.NURTURE_API_KEYS = TEST_API_KEYS;
    }
  });

  it('a key removed from NURTURE_API_KEYS ends its open stream', async () => {
    const { cookie } = await signIn(f.app.url, READ_KEY);
    const stream = await SseReader.open(f.app.url, cookie);
    try {
      expect(await stream.next()).toMatchObject({ event: 'change' });
      process.env.NURTURE_API_KEYS = API_KEY;
      expect(await stream.next(2000)).toBeNull();
      expect(stream.ended).toBe(true);
    } finally {
      process.env.NURTURE_API_KEYS = TEST_API_KEYS;
      stream.close();
    }
  });

  it('refuses a stream beyond NURTURE_DASHBOARD_MAX_STREAMS with 503', async () => {
    process.env.NURTURE_DASHBOARD_MAX_STREAMS = '1';
    const { cookie } = await signIn(f.app.url, READ_KEY);
    const first = await SseReader.open(f.app.url, cookie);
    try {
      expect(first.status).toBe(200);
      expect((await SseReader.open(f.app.url, cookie)).status).toBe(503);
    } finally {
      delete process.env.NURTURE_DASHBOARD_MAX_STREAMS;
      first.close();
    }
  });

  it('serves ECharts and its own script from the service', async () => {
    const echarts = await fetch(`${f.app.url}/dashboard/assets/echarts.min.js`);
    expect(echarts.status).toBe(200);
    expect(echarts.headers.get('content-type')).toMatch(/javascript/);
    expect((await echarts.text()).length).toBeGreaterThan(100_000);
    const script = await fetch(`${f.app.url}/dashboard/assets/dashboard.js`);
    expect(await script.text()).toContain("new EventSource('/dashboard/events')");
  });
});
