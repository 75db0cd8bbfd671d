// Dashboard sessions across app instances on one database (a restart, or two instances behind a
// load balancer): a cookie signed by one is accepted by the other, through a rotation of the
// link-signing keys and not after the old key is dropped; a sign-out ends the session on every
// instance, its open streams included. On the embedded database the second instance shares the
// one database handle, as a restarted process reopens the same data directory.
import { SqlSignedOutSessions, EXPIRED_ROWS_PER_SIGN_OUT } from '../../src/infrastructure/dashboard/sql-signed-out-sessions.js';
import type { TestApp } from '../support/http-app.js';
import { READ_KEY, startAnotherInstance, startApi, type ApiFixture } from '../http-api/support/api.js';
import { SseReader, signIn } from './support/dashboard-client.js';

const SECRET_ENV = ['NURTURE_UNSUBSCRIBE_SECRET', 'NURTURE_UNSUBSCRIBE_PREVIOUS_SECRETS'] as const;

const data = (url: string, cookie: string | null) => fetch(`${url}/dashboard/data`, { headers: cookie ? { cookie } : {} });
const page = (url: string, cookie: string) => fetch(`${url}/dashboard`, { headers: { cookie }, redirect: 'manual' });
const signOut = (url: string, cookie: string) => fetch(`${url}/dashboard/sign-out`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: url } });

async function cookieFrom(url: string): Promise<string> {
  const r = await signIn(url, READ_KEY);
  if (r.status !== 303 || !r.cookie) throw new Error(`sign-in on ${url}: ${r.status}`);
  return r.cookie;
}

describe('dashboard sessions across instances', () => {
  let f: ApiFixture;
  let other: TestApp;
  const started: TestApp[] = [];

  beforeAll(async () => {
    for (const name of SECRET_ENV) delete process.env[name];
    f = await startApi();
    other = await startAnotherInstance(f.t);
  });
  afterAll(async () => {
    for (const name of SECRET_ENV) delete process.env[name];
    for (const app of started) await app.close();
    await other.close();
    await f.close();
  });

  /** A further instance whose link-signing keys are `secrets`: loaded at its first sign-in, made here. */
  async function instanceWith(secrets: Partial<Record<(typeof SECRET_ENV)[number], string>>): Promise<{ app: TestApp; cookie: string }> {
    for (const name of SECRET_ENV) {
      if (secrets[name] === undefined) delete process.env[name];
      else process.env[name] = secrets[name];
    }
    try {
      const app = await startAnotherInstance(f.t);
      started.push(app);
      return { app, cookie: await cookieFrom(app.url) };
    } finally {
      for (const name of SECRET_ENV) delete process.env[name];
    }
  }

  it('a cookie issued by one instance is accepted by another on the same database (the generated key is shared)', async () => {
    const fromFirst = await cookieFrom(f.app.url);
    const fromOther = await cookieFrom(other.url);
    expect((await data(other.url, fromFirst)).status).toBe(200);
    expect((await data(f.app.url, fromOther)).status).toBe(200);
    expect((await page(other.url, fromFirst)).status).toBe(200);
  });

  it('a rotated secret keeps the sessions signed with the previous one until that key is dropped', async () => {
    const before = await instanceWith({ NURTURE_UNSUBSCRIBE_SECRET: 'first-secret' });
    // The database's generated key no longer signs once a secret is configured.
    expect((await data(before.app.url, await cookieFrom(f.app.url))).status).toBe(401);
    const rotated = await instanceWith({ NURTURE_UNSUBSCRIBE_SECRET: 'second-secret', NURTURE_UNSUBSCRIBE_PREVIOUS_SECRETS: 'first-secret' });
    expect((await data(rotated.app.url, before.cookie)).status).toBe(200);
    expect((await data(rotated.app.url, rotated.cookie)).status).toBe(200);
    // Cookies issued after the rotation are signed with the new key: the old instance cannot read them.
    expect((await data(before.app.url, rotated.cookie)).status).toBe(401);
    const dropped = await instanceWith({ NURTURE_UNSUBSCRIBE_SECRET: 'second-secret' });
    expect((await data(dropped.app.url, before.cookie)).status).toBe(401);
    expect((await data(dropped.app.url, rotated.cookie)).status).toBe(200);
  });

  it('after sign-out the old cookie is refused on every instance: 401 on data and events, the page redirects', async () => {
    const cookie = await cookieFrom(f.app.url);
    const sibling = await cookieFrom(f.app.url); // the same key, another session
    expect((await data(other.url, cookie)).status).toBe(200);
    const out = await signOut(f.app.url, cookie);
    expect(out.status).toBe(303);
    const { rows } = await f.t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM nurture_dashboard_signouts`);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
    for (const url of [f.app.url, other.url]) {
      expect((await data(url, cookie)).status).toBe(401);
      const stream = await SseReader.open(url, cookie);
      expect(stream.status).toBe(401);
      const replay = await page(url, cookie);
      expect(replay.status).toBe(303);
      expect(replay.headers.get('location')).toMatch(/^\/dashboard\/sign-in/);
      expect((await data(url, sibling)).status).toBe(200);
    }
  });

  it('records the session until its own expiry; signing out without a genuine cookie records nothing', async () => {
    const cookie = await cookieFrom(other.url);
    const claims = JSON.parse(Buffer.from(cookie.split('=')[1]!.split('.')[0]!, 'base64url').toString('utf8'));
    expect((await signOut(other.url, cookie)).status).toBe(303);
    const { rows } = await f.t.db.pool.query<{ expires: number }>(`SELECT extract(epoch FROM expires_at)::int AS expires FROM nurture_dashboard_signouts WHERE session_id = $1`, [claims.i]);
    expect(rows).toEqual([{ expires: claims.e }]);
    const count = async () => (await f.t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM nurture_dashboard_signouts`)).rows[0]!.n;
    const n = await count();
    expect((await signOut(other.url, 'nurture_session=forged.token')).status).toBe(303);
    expect(await count()).toBe(n);
  });

  it('an open stream ends when its session signs out from another request, on either instance', async () => {
    const cookie = await cookieFrom(f.app.url);
    const staying = await cookieFrom(f.app.url);
    const here = await SseReader.open(f.app.url, cookie);
    const there = await SseReader.open(other.url, cookie);
    const kept = await SseReader.open(other.url, staying);
    try {
      for (const stream of [here, there, kept]) expect(await stream.next()).toMatchObject({ event: 'change' });
      expect((await signOut(other.url, cookie)).status).toBe(303);
      for (const stream of [here, there]) {
        expect(await stream.next(3000)).toBeNull();
        expect(stream.ended).toBe(true);
      }
      // The other session's stream stays open through the same polls (no change to send, not ended).
      expect(await kept.next(1200)).toBeNull();
      expect(kept.ended).toBe(false);
    } finally {
      for (const stream of [here, there, kept]) stream.close();
    }
  });

  it('the poller asks about sign-outs once per poll for all its open streams, and never per stream', async () => {
    const cookies = [await cookieFrom(f.app.url), await cookieFrom(f.app.url), await cookieFrom(f.app.url)];
    const streams = await Promise.all(cookies.map((cookie) => SseReader.open(f.app.url, cookie)));
    const pool = f.t.db.pool;
    const query = pool.query;
    const seen: ('sign-outs' | 'one session' | 'progress')[] = [];
    try {
      for (const stream of streams) expect(await stream.next()).toMatchObject({ event: 'change' });
      // Counts the statements the real pool runs (they still run): which kind, in order.
      pool.query = ((...args: Parameters<typeof query>) => {
        const sql = typeof args[0] === 'string' ? args[0] : '';
        if (sql.includes('nurture_dashboard_signouts') && sql.includes('ANY(')) seen.push('sign-outs');
        else if (sql.includes('nurture_dashboard_signouts')) seen.push('one session');
        else if (sql.includes('nurture_projection_checkpoints') && sql.includes('AS head')) seen.push('progress');
        return (query as (...a: unknown[]) => unknown).apply(pool, args);
      }) as typeof query;
      for (let tries = 0; seen.filter((k) => k === 'progress').length < 4 && tries < 200; tries++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      pool.query = query;
      for (const stream of streams) stream.close();
    }
    const polls = seen.slice(seen.indexOf('sign-outs'));
    expect(polls.filter((k) => k === 'progress').length).toBeGreaterThanOrEqual(3);
    expect(polls).not.toContain('one session');
    // Each poll: one sign-out query for the three streams, then the progress read.
    for (let i = 0; i + 1 < polls.length; i += 2) expect([polls[i], polls[i + 1]]).toEqual(['sign-outs', 'progress']);
  });
});

describe('SqlSignedOutSessions', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApi();
  });
  afterAll(() => f.close());

  const ids = async () => (await f.t.db.pool.query<{ session_id: string }>(`SELECT session_id FROM nurture_dashboard_signouts ORDER BY session_id`)).rows.map((r) => r.session_id);

  it('a sign-out deletes at most EXPIRED_ROWS_PER_SIGN_OUT rows past their expiry, and keeps the others', async () => {
    const now = new Date('2026-12-07T09:00:00Z');
    await f.t.db.pool.query(
      `INSERT INTO nurture_dashboard_signouts (session_id, expires_at)
       SELECT 'expired-' || lpad(n::text, 4, '0'), $1::timestamptz - n * interval '1 minute' FROM generate_series(1, $2::int) AS n
       UNION ALL SELECT 'current', $1::timestamptz + interval '1 hour'`,
      [now, EXPIRED_ROWS_PER_SIGN_OUT + 5],
    );
    const signedOut = new SqlSignedOutSessions(f.t.db.pool);
    await signedOut.signOut('new-session', new Date(now.getTime() + 3_600_000), now);
    const left = await ids();
    expect(left.filter((id) => id.startsWith('expired-'))).toHaveLength(5);
    expect(left).toEqual(expect.arrayContaining(['current', 'new-session']));
    await signedOut.signOut('newer-session', new Date(now.getTime() + 3_600_000), now);
    expect((await ids()).filter((id) => id.startsWith('expired-'))).toEqual([]);
    expect(await signedOut.isSignedOut('new-session')).toBe(true);
    expect(await signedOut.isSignedOut('never-signed-out')).toBe(false);
    expect([...(await signedOut.signedOutAmong(['current', 'never-signed-out', 'newer-session']))].sort()).toEqual(['current', 'newer-session']);
    expect(await signedOut.signedOutAmong([])).toEqual(new Set());
  });
});
