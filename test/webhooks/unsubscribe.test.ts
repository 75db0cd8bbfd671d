// RFC 8058 one-click unsubscribe, end to end: the link every email carries, the confirmation
// page, the POST that stops the sequence and suppresses the address.
import { NurturingRunner } from '../../src/application/pipeline/nurturing-runner.js';
import { validateRunParameters } from '../../src/application/pipeline/run-parameters.js';
import { createPipelineDeps } from '../../src/infrastructure/pipeline/create-pipeline-deps.js';
import { EmailSink } from '../support/email-sink.js';
import { startTestApp, type TestApp } from '../support/http-app.js';
import { insertLeads } from '../support/leads.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('one-click unsubscribe', () => {
  let t: TestDatabase;
  let app: TestApp;
  const sink = new EmailSink();
  let link = '';

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startTestApp(t.db);
    await sink.start();
    process.env.NURTURE_PUBLIC_URL = app.url;
    await insertLeads(t.db.pool, [{ ext_id: 'lead_u', email: 'Una@Example.com', first_name: 'Una', score: 5, priority: null, created_at: '2026-07-01T00:00:00Z' }]);
    await run('2026-07-02T09:00:00.000Z');
    link = /^<(.+)>$/.exec(sink.received[0]!.body.headers!['List-Unsubscribe']!)![1]!;
  });
  afterAll(async () => {
    delete process.env.NURTURE_PUBLIC_URL;
    await sink.stop();
    await app.close();
    await t.drop();
  });

  const run = (now: string) =>
    new NurturingRunner(createPipelineDeps(t.db)).run({ params: validateRunParameters({ email_webhook_url: sink.url }), now });

  it('every email carries List-Unsubscribe (an opaque signed link to this service) and List-Unsubscribe-Post', () => {
    const headers = sink.received[0]!.body.headers!;
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(link).toMatch(new RegExp(`^${app.url}/unsubscribe/[A-Za-z0-9_-]{32}$`));
    expect(link).not.toContain('una');
  });

  it('GET shows a confirmation page whose form POSTs back, sets no cookie and changes nothing', async () => {
    const response = await fetch(link, { redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toMatch(/<form method="post">/);
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM es_events WHERE event_type = 'LeadUnsubscribed'`);
    expect(rows[0].n).toBe(0);
  });

  it('a forged or tampered token is a 404 and changes nothing', async () => {
    const tampered = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
    expect((await fetch(tampered, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${app.url}/unsubscribe/not-a-token`, { method: 'POST' })).status).toBe(404);
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM es_events WHERE event_type = 'LeadUnsubscribed'`);
    expect(rows[0].n).toBe(0);
  });

  it('POST (RFC 8058 body, no auth, no cookie) unsubscribes without redirect: the sequence stops, the address is suppressed', async () => {
    const response = await fetch(link, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toMatch(/You are unsubscribed/);

    const again = await fetch(link, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(again.status).toBe(200);
    const { rows: events } = await t.db.pool.query(`SELECT event_type FROM es_events WHERE event_type IN ('LeadUnsubscribed', 'SequenceStopped') ORDER BY global_position`);
    expect(events.map((e) => e.event_type)).toEqual(['LeadUnsubscribed', 'SequenceStopped']);

    await run('2026-07-20T09:00:00.000Z'); // steps 2 and 3 are long due: nothing is sent
    expect(sink.received).toHaveLength(1);
    const { rows } = await t.db.pool.query(`SELECT status, stop_reason FROM lead_nurturing_sequences`);
    expect(rows).toEqual([{ status: 'stopped', stop_reason: 'unsubscribed' }]);
    const suppressed = await t.db.pool.query(`SELECT email, reason FROM lead_nurturing_suppressions`);
    expect(suppressed.rows).toEqual([{ email: 'una@example.com', reason: 'unsubscribed' }]);
  });

  it('identify_cold_leads honours the suppression list: another lead record with the same address is not enrolled', async () => {
    await insertLeads(t.db.pool, [{ ext_id: 'lead_u_duplicate', email: ' UNA@example.com ', first_name: 'Una', score: 5, priority: null, created_at: '2026-07-15T00:00:00Z' }]);
    const report = await run('2026-07-21T09:00:00.000Z');
    expect(report.steps.find((s) => s.step === 'identify_cold_leads')!.counts).toEqual({ cold_leads: 0 });
    expect(sink.received).toHaveLength(1);
  });

  it('/metrics counts it', async () => {
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).toMatch(/nurture_engagement_events_total\{source="unsubscribe",outcome="recorded"\} 1/);
    expect(text).toMatch(/nurture_engagement_events_total\{source="unsubscribe",outcome="duplicate"\} 1/);
    expect(text).toMatch(/nurture_sequences\{status="stopped"\} 1/);
  });
});
