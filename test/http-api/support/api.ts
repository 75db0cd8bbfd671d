// The HTTP API on a fresh test database, and a small client over real HTTP (global fetch).
import { openServerDatabase } from '../../../src/infrastructure/database/database.js';
import { startTestApp, type TestApp } from '../../support/http-app.js';
import { insertLeads, type LeadRow } from '../../support/leads.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

export const API_KEY = 'k-test-primary';
export const OTHER_KEY = 'k-test-secondary';
/** Scoped keys beside the two unscoped (`write`) ones. */
export const READ_KEY = 'k-test-reader';
export const ADMIN_KEY = 'k-test-admin';
/** NURTURE_API_KEYS of `startApi`: two unscoped keys (write), a read key and an admin key. */
export const TEST_API_KEYS = ` ${API_KEY} , ${OTHER_KEY} , ${READ_KEY}:read, ${ADMIN_KEY}:admin `;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiAnswer {
  status: number;
  body: Json;
  headers: Headers;
}

export interface RequestOptions {
  /** The API key to send; null sends no Authorization header. */
  key?: string | null;
  /** A raw body (sent as application/json as is), instead of `body`. */
  raw?: string;
  headers?: Record<string, string>;
}

export class Api {
  constructor(
    readonly url: string,
    /** The key sent when a request names none. */
    readonly defaultKey: string = API_KEY,
  ) {}

  async request(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiAnswer> {
    const key = options.key === undefined ? this.defaultKey : options.key;
    const headers: Record<string, string> = { ...options.headers };
    if (key !== null) headers.authorization = `Bearer ${key}`;
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.url}${path}`, { method, headers, body: payload });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : JSON.parse(text), headers: res.headers };
  }

  get = (path: string, options?: RequestOptions) => this.request('GET', path, undefined, options);
  post = (path: string, body?: unknown, options?: RequestOptions) => this.request('POST', path, body, options);
  put = (path: string, body?: unknown, options?: RequestOptions) => this.request('PUT', path, body, options);
}

export interface ApiFixture {
  t: TestDatabase;
  app: TestApp;
  /** With the write key `API_KEY`. */
  api: Api;
  /** With `ADMIN_KEY`: runs that override URLs or `now`. */
  admin: Api;
  close(): Promise<void>;
}

/** A fresh database and the app on it, with the keys of TEST_API_KEYS configured and the local
 * test servers' host (127.0.0.1) allowed in per-run URL overrides. */
export async function startApi(): Promise<ApiFixture> {
  process.env.NURTURE_API_KEYS = TEST_API_KEYS;
  process.env.NURTURE_ALLOWED_HOSTS = '127.0.0.1';
  const t = await createTestDatabase();
  const app = await startTestApp(t.db);
  return { t, app, api: new Api(app.url), admin: new Api(app.url, ADMIN_KEY), close: async () => { await app.close(); await t.drop(); } };
}

/** Another app instance on the fixture's database, as after a restart or behind a load balancer:
 * its own pool on a server database; on the embedded one, the same handle (one process owns it). */
export async function startAnotherInstance(t: TestDatabase): Promise<TestApp> {
  if (!t.url) return startTestApp(t.db);
  const db = await openServerDatabase({ url: t.url, poolSize: 4 });
  try {
    const app = await startTestApp(db);
    return { ...app, close: async () => { await app.close(); await db.close(); } };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Events in the log: a rejected command must leave this unchanged. */
export async function eventCount(t: TestDatabase): Promise<number> {
  const { rows } = await t.db.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM es_events');
  return Number(rows[0]!.n);
}

/** A lead created long ago, so runs never pick it as cold unless a test wants them to. */
export async function insertLead(t: TestDatabase, lead: Partial<LeadRow> & { ext_id: string }): Promise<void> {
  await insertLeads(t.db.pool, [{ email: `${lead.ext_id}@example.com`, first_name: 'Ana', score: 10, priority: 'low', created_at: '2020-01-01T00:00:00Z', ...lead }]);
}

/** Enrolls a lead over HTTP and returns the sequence id. */
export async function enroll(api: Api, leadExtId: string, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await api.post('/sequences', { lead_ext_id: leadExtId, ...extra });
  if (res.status !== 201) throw new Error(`enroll ${leadExtId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.sequence_id as number;
}
