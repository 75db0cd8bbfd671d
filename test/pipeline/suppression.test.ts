// Suppression is enforced at send time, for every sequence of the address (trimmed,
// case-insensitive), whatever put it there: an unsubscribe on another lead row, an operator over
// HTTP, an analyst's INSERT. A suppressed step is never POSTed; its sequence stops saying why.
import { NurturingRunner } from '../../src/application/pipeline/nurturing-runner.js';
import type { PipelineDeps } from '../../src/application/pipeline/pipeline-deps.js';
import { type RunParameters, validateRunParameters } from '../../src/application/pipeline/run-parameters.js';
import type { RunReport } from '../../src/application/pipeline/run-report.js';
import { executeSequenceCommand } from '../../src/application/sequences/execute-sequence-command.js';
import { createPipelineDeps } from '../../src/infrastructure/pipeline/create-pipeline-deps.js';
import { rebuildReadModel } from '../../src/projections/rebuild.js';
import { postgresLogReader } from '../../src/infrastructure/event-store/postgres/postgres-event-store.js';
import { Api, API_KEY } from '../http-api/support/api.js';
import { EmailSink } from '../support/email-sink.js';
import { startTestApp, type TestApp } from '../support/http-app.js';
import { insertLeads } from '../support/leads.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const START = '2026-04-01T09:00:00.000Z';
const STEP_2 = '2026-04-04T10:00:00.000Z'; // the default template's step 2 is due 3 days after step 1

describe('suppression at send time', () => {
  let t: TestDatabase;
  let deps: PipelineDeps;
  const sink = new EmailSink();

  beforeEach(async () => {
    t = await createTestDatabase();
    await sink.start();
    deps = createPipelineDeps(t.db);
    await insertLeads(t.db.pool, [
      { ext_id: 'crm_a', email: 'Same@Example.com', score: 10, priority: null, created_at: '2026-03-20T00:00:00Z' },
      { ext_id: 'crm_b', email: ' same@example.com ', score: 10, priority: null, created_at: '2026-03-21T00:00:00Z' },
      { ext_id: 'by_sql', email: 'Analyst.Listed@Example.com', score: 10, priority: null, created_at: '2026-03-22T00:00:00Z' },
      { ext_id: 'free', email: 'free@example.com', score: 10, priority: null, created_at: '2026-03-23T00:00:00Z' },
    ]);
  });
  afterEach(async () => {
    await sink.stop();
    sink.reset();
    await t.drop();
  });

  const params = (): RunParameters => validateRunParameters({ email_webhook_url: sink.url, request_timeout: 2, max_retry_attempts: 0 });
  const run = (now: string): Promise<RunReport> => new NurturingRunner(deps).run({ params: params(), now });
  const sendCounts = (r: RunReport) => r.steps.find((s) => s.step === 'send_scheduled_emails')!.counts;
  const sequenceOf = async (leadExtId: string) =>
    (await t.db.pool.query(`SELECT id::int, status, stop_reason, current_step FROM lead_nurturing_sequences WHERE lead_ext_id = $1`, [leadExtId])).rows[0];
  const recipientsOfStep = (step: number) => sink.received.filter((e) => e.body.metadata.step_number === step).map((e) => e.body.to).sort();

  it('an unsubscribe on one lead row stops every email to that address; an address an analyst INSERTs is honoured too', async () => {
    await run(START);
    expect(recipientsOfStep(1)).toEqual(['Analyst.Listed@Example.com', 'Same@Example.com', 'free@example.com', 'same@example.com']);

    const a = await sequenceOf('crm_a');
    await executeSequenceCommand(deps.store, a.id, {
      type: 'RecordEngagement',
      data: { engagementType: 'unsubscribed', providerEventId: 'unsub-1', step: 1, occurredAt: START, minScoreToQualify: 50, now: START },
    });
    // The documented columns only, in any case and with spaces: the trigger normalises the address.
    await t.db.pool.query(`INSERT INTO lead_nurturing_suppressions (email, note) VALUES ('  ANALYST.listed@example.com', 'asked by phone')`);

    const second = await run(STEP_2);
    expect(recipientsOfStep(2)).toEqual(['free@example.com']);
    expect(sendCounts(second)).toMatchObject({ stopped_suppressed: 2, sent: 1 });
    expect(await sequenceOf('crm_a')).toMatchObject({ status: 'stopped', stop_reason: 'unsubscribed' });
    expect(await sequenceOf('crm_b')).toMatchObject({ status: 'stopped', stop_reason: 'suppressed', current_step: 1 });
    expect(await sequenceOf('by_sql')).toMatchObject({ status: 'stopped', stop_reason: 'suppressed', current_step: 1 });
    const { rows } = await t.db.pool.query(`SELECT email, reason, source, note FROM lead_nurturing_suppressions ORDER BY email`);
    // A stop for a suppressed address adds nothing to the list: it was there already.
    expect(rows).toEqual([
      { email: 'analyst.listed@example.com', reason: 'manual', source: null, note: 'asked by phone' },
      { email: 'same@example.com', reason: 'unsubscribed', source: 'sequence', note: null },
    ]);

    // Later runs send nothing more to them, and a rebuild keeps the hand-written suppression.
    await rebuildReadModel(t.db.pool, postgresLogReader);
    await run('2026-04-12T10:00:00.000Z');
    expect(recipientsOfStep(3)).toEqual(['free@example.com']);
    expect((await t.db.pool.query(`SELECT count(*)::int AS n FROM lead_nurturing_suppressions`)).rows[0].n).toBe(2);
  });

  it('a dead run\'s reserved step of a suppressed address is not retried: the sequence stops', async () => {
    await new NurturingRunner(deps).run({ params: validateRunParameters({ email_webhook_url: sink.url, max_emails_per_run: 0 }), now: START });
    const free = await sequenceOf('free');
    await executeSequenceCommand(deps.store, free.id, {
      type: 'ReserveEmailSend',
      data: { step: 1, emailEventId: '00000000-0000-4000-8000-000000000001', runId: 'run_dead', now: START },
    });
    await deps.suppressions.add({ email: 'FREE@example.com', reason: 'manual', note: null, now: START });
    await run(START);
    expect(sink.received.filter((e) => e.body.to === 'free@example.com')).toEqual([]);
    expect(await sequenceOf('free')).toMatchObject({ status: 'stopped', stop_reason: 'suppressed' });
  });

  describe('operators over HTTP', () => {
    let app: TestApp;
    let api: Api;
    beforeEach(async () => {
      process.env.NURTURE_API_KEYS = API_KEY;
      app = await startTestApp(t.db);
      api = new Api(app.url);
    });
    afterEach(() => app.close());

    it('POST /suppressions adds (201, then 200 keeping the first entry), GET lists, DELETE removes (204, then 404); the next run honours it', async () => {
      await run(START);
      const added = await api.post('/suppressions', { email: ' Free@Example.com ', note: 'left the company' });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ email: 'free@example.com', reason: 'manual', source: 'operator', note: 'left the company' });
      const again = await api.post('/suppressions', { email: 'free@example.com', reason: 'complained' });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ reason: 'manual', note: 'left the company' });
      expect((await api.get('/suppressions')).body).toEqual({ items: [expect.objectContaining({ email: 'free@example.com' })], next_cursor: null });

      await run(STEP_2);
      expect(recipientsOfStep(2)).not.toContain('free@example.com');
      expect(await sequenceOf('free')).toMatchObject({ status: 'stopped', stop_reason: 'suppressed' });

      expect((await api.request('DELETE', '/suppressions/FREE@example.com')).status).toBe(204);
      expect((await api.request('DELETE', '/suppressions/free@example.com')).status).toBe(404);
      expect((await api.get('/suppressions')).body.items).toEqual([]);
    });

    it('refuses bad input naming the field, and changes nothing; no key, no access', async () => {
      const bad = await api.post('/suppressions', { email: 'not an address' });
      expect(bad.status).toBe(422);
      expect(bad.body).toMatchObject({ field: 'email' });
      const reason = await api.post('/suppressions', { email: 'x@example.com', reason: 'annoyed' });
      expect(reason.status).toBe(422);
      expect(reason.body).toMatchObject({ field: 'reason' });
      expect((await api.post('/suppressions', { email: 'x@example.com', colour: 'red' })).status).toBe(400);
      expect((await api.post('/suppressions', { email: 'x@example.com' }, { key: null })).status).toBe(401);
      expect((await t.db.pool.query(`SELECT count(*)::int AS n FROM lead_nurturing_suppressions`)).rows[0].n).toBe(0);
    });
  });
});
