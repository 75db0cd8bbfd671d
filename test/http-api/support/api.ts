// The HTTP API on a fresh test database, and a small client over real HTTP (global fetch).
import { startTestApp, type TestApp } from '../../support/http-app.js';
import { insertLeads, type LeadRow } from '../../support/leads.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

export const API_KEY = 'k-test-primary';
export const OTHER_KEY = 'k-test-secondary';

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
  constructor(readonly url: string) {}

  async request(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiAnswer> {
    const key = options.key === undefined ? API_KEY : options.key;
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
  api: Api;
  close(): Promise<void>;
}

/** A fresh database and the app on it, with two API keys configured. */
export async function startApi(): Promise<ApiFixture> {
  process.env.NURTURE_API_KEYS = ` ${API_KEY} , ${OTHER_KEY} `;
  const t = await createTestDatabase();
  const app = await startTestApp(t.db);
  return { t, app, api: new Api(app.url), close: async () => { await app.close(); await t.drop(); } };
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
