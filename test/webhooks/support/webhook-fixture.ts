// A running server on a fresh database with two leads enrolled and their first email sent
// (through a real local email sink that answers with message ids), for webhook tests.
import { newWebhookSecret } from '../providers/support/signing.js';
import { NurturingRunner } from '../../../src/application/pipeline/nurturing-runner.js';
import { validateRunParameters } from '../../../src/application/pipeline/run-parameters.js';
import { createPipelineDeps } from '../../../src/infrastructure/pipeline/create-pipeline-deps.js';
import { EmailSink } from '../../support/email-sink.js';
import { LiveProjectionService } from '../../../src/infrastructure/serve/live-projection.service.js';
import { startTestApp, type TestApp } from '../../support/http-app.js';
import { insertLeads } from '../../support/leads.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

export interface WebhookFixture {
  t: TestDatabase;
  app: TestApp;
  /** lead_a (score 30) and lead_b (score 10), each with step 1 sent. */
  sequences: { a: number; b: number };
  /** The provider message id the sink gave each first email. */
  messageIds: { a: string; b: string };
  eventCount(type?: string): Promise<number>;
  /** Projects what the webhooks appended (the server also does so every few hundred ms). */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

/** Set the webhook secrets in process.env before calling: the app reads them per request. */
export async function webhookFixture(): Promise<WebhookFixture> {
  const t = await createTestDatabase();
  const sink = await new EmailSink().start();
  await insertLeads(t.db.pool, [
    { ext_id: 'lead_a', email: 'ana@example.com', first_name: 'Ana', score: 30, priority: null, created_at: '2026-08-01T00:00:00Z' },
    { ext_id: 'lead_b', email: 'bo@example.com', first_name: 'Bo', score: 10, priority: null, created_at: '2026-08-01T00:00:00Z' },
  ]);
  await new NurturingRunner(createPipelineDeps(t.db)).run({ params: validateRunParameters({ email_webhook_url: sink.url }), now: '2026-08-02T09:00:00.000Z' });
  await sink.stop();
  const { rows } = await t.db.pool.query(
    `SELECT s.lead_ext_id, s.id, e.provider_message_id FROM lead_nurturing_sequences s JOIN lead_nurturing_events e ON e.sequence_id = s.id ORDER BY s.lead_ext_id`,
  );
  const app = await startTestApp(t.db);
  return {
    t,
    app,
    sequences: { a: Number(rows[0].id), b: Number(rows[1].id) },
    messageIds: { a: rows[0].provider_message_id, b: rows[1].provider_message_id },
    async eventCount(type?: string) {
      const r = await t.db.pool.query(`SELECT count(*)::int AS n FROM es_events WHERE $1::text IS NULL OR event_type = $1`, [type ?? null]);
      return r.rows[0].n as number;
    },
    async catchUp() {
      await app.app.get(LiveProjectionService).catchUp();
    },
    async close() {
      await app.close();
      await t.drop();
    },
  };
}

export async function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, json };
}

/** Registers a suite's fixture for the specification's webhook: a fresh secret and an API key
 * (`test-key`) in the environment, a running server; `fixture()` is it once `beforeAll` ran. */
export function specWebhookSuite(): { secret: string; fixture: () => WebhookFixture } {
  const secret = newWebhookSecret();
  let f: WebhookFixture | undefined;
  beforeAll(async () => {
    process.env.NURTURE_WEBHOOK_SECRET = secret;
    process.env.NURTURE_API_KEYS = 'test-key';
    f = await webhookFixture();
  });
  afterAll(async () => {
    delete process.env.NURTURE_WEBHOOK_SECRET;
    delete process.env.NURTURE_API_KEYS;
    await f?.close();
  });
  return { secret, fixture: () => f! };
}
