// A dry run ("solo simular sin enviar") reads everything, decides everything, renders every
// email and reports it, and changes nothing durable: no event, no row, no POST, no template, no
// sequence id. The real run after it does all of it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NurturingRunner } from '../../src/application/pipeline/nurturing-runner.js';
import type { PipelineDeps } from '../../src/application/pipeline/pipeline-deps.js';
import { validateRunParameters } from '../../src/application/pipeline/run-parameters.js';
import type { RunReport } from '../../src/application/pipeline/run-report.js';
import { createPipelineDeps } from '../../src/infrastructure/pipeline/create-pipeline-deps.js';
import { EmailSink } from '../support/email-sink.js';
import { insertLeads } from '../support/leads.js';
import { readModelSnapshot, tableSnapshot } from '../support/table-snapshot.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const T0 = '2026-04-01T09:00:00.000Z';
const LATER = '2026-04-04T10:00:00.000Z'; // step 2 of the default template is due 3 days after step 1

describe('dry run', () => {
  let t: TestDatabase;
  let deps: PipelineDeps;
  const sink = new EmailSink();
  let engagementApi: Server;
  let engagementUrl = '';
  const engaged = new Set<string>();

  beforeAll(async () => {
    engagementApi = createServer((req, res) => {
      const email = new URL(req.url!, 'http://x').searchParams.get('email')!;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ opened: false, clicked: engaged.has(email), replied: engaged.has(email) }));
    });
    await new Promise<void>((resolve) => engagementApi.listen(0, '127.0.0.1', resolve));
    engagementUrl = `http://127.0.0.1:${(engagementApi.address() as AddressInfo).port}/engagement`;
  });
  afterAll(() => new Promise((resolve) => engagementApi.close(resolve)));
  beforeEach(async () => {
    t = await createTestDatabase();
    await sink.start();
    deps = createPipelineDeps(t.db);
  });
  afterEach(async () => {
    await sink.stop();
    sink.reset();
    await t.drop();
  });

  const run = (now: string, overrides: Record<string, unknown> = {}): Promise<RunReport> =>
    new NurturingRunner(deps).run({
      params: validateRunParameters({ email_webhook_url: sink.url, engagement_api_url: engagementUrl, pause_after_days: 1, ...overrides }),
      now,
    });
  const durableState = async () => ({
    events: (await t.db.pool.query('SELECT count(*)::int AS n FROM es_events')).rows[0].n as number,
    readModel: await readModelSnapshot(t.db.pool),
    templates: await tableSnapshot(t.db.pool, 'nurturing_sequence_templates', 'id'),
    nextId: await deps.ids.peekNextSequenceId(),
  });

  it('on a fresh database: reports what it would start and send, with the rendered emails, and writes nothing', async () => {
    await insertLeads(t.db.pool, [
      { ext_id: 'ana', email: 'ana@example.com', first_name: 'Ana', score: 10, priority: null, created_at: '2026-03-20T00:00:00Z' },
      { ext_id: 'bo', email: 'bo@example.com', first_name: 'Bo', score: 20, priority: 'low', created_at: '2026-03-21T00:00:00Z' },
    ]);
    const before = await durableState();
    const dry = await run(T0, { dry_run: true });
    expect(dry.status).toBe('succeeded');
    expect(await durableState()).toEqual(before); // not even the default template is inserted
    expect(sink.received).toEqual([]);
    expect(dry.preview!.would_start).toEqual([
      { sequence_id: before.nextId, lead_ext_id: 'ana', email: 'ana@example.com', template: 'default_cold_lead_nurturing' },
      { sequence_id: before.nextId + 1, lead_ext_id: 'bo', email: 'bo@example.com', template: 'default_cold_lead_nurturing' },
    ]);
    expect(dry.preview!.would_send.map((e) => [e.lead_ext_id, e.step, e.to])).toEqual([['ana', 1, 'ana@example.com'], ['bo', 1, 'bo@example.com']]);
    expect(dry.preview!.would_send[0]!.subject).toContain('Ana');

    // The real run after it does all of it, and renders the same emails.
    const real = await run(T0);
    expect(real.steps.find((s) => s.step === 'start_nurturing_sequences')!.counts.sequences_started).toBe(2);
    expect(sink.received.map((e) => [e.body.metadata.lead_ext_id, e.body.subject, e.body.text]).sort()).toEqual(
      dry.preview!.would_send.map((e) => [e.lead_ext_id, e.subject, e.text]).sort(),
    );
  });

  it('on running sequences: would send the due steps, qualify, pause and stop, and changes nothing until the real run', async () => {
    await insertLeads(t.db.pool, [
      { ext_id: 'keen', email: 'keen@example.com', first_name: 'Kim', score: 40, priority: null, created_at: '2026-03-20T00:00:00Z' },
      { ext_id: 'quiet', email: 'quiet@example.com', first_name: 'Quinn', score: 10, priority: null, created_at: '2026-03-21T00:00:00Z' },
      { ext_id: 'gone', email: 'gone@example.com', first_name: 'Gil', score: 10, priority: null, created_at: '2026-03-22T00:00:00Z' },
    ]);
    await run(T0); // starts all three and sends step 1
    expect(sink.received).toHaveLength(3);
    await insertLeads(t.db.pool, [{ ext_id: 'new', email: 'new@example.com', first_name: 'Nia', score: 5, priority: null, created_at: '2026-04-03T00:00:00Z' }]);
    await t.db.pool.query(`INSERT INTO lead_nurturing_suppressions (email) VALUES ('gone@example.com')`);
    engaged.add('keen@example.com');

    const before = await durableState();
    const dry = await run(LATER, { dry_run: true });
    expect(await durableState()).toEqual(before);
    expect(sink.received).toHaveLength(3);
    const p = dry.preview!;
    expect(p.would_start.map((s) => s.lead_ext_id)).toEqual(['new']);
    expect(p.would_send.map((e) => `${e.lead_ext_id}:${e.step}`).sort()).toEqual(['keen:2', 'new:1', 'quiet:2']);
    expect(p.would_stop).toEqual([{ sequence_id: expect.any(Number), reason: 'suppressed' }]);
    expect(p.would_qualify).toEqual([{ sequence_id: expect.any(Number), score: 63, reason: expect.stringContaining('1 reply, 1 click') }]);
    const idOf = async (lead: string) => Number((await t.db.pool.query('SELECT id FROM lead_nurturing_sequences WHERE lead_ext_id = $1', [lead])).rows[0].id);
    expect(p.would_pause).toEqual([{ sequence_id: await idOf('quiet'), reason: 'inactive' }]);
    expect(p.would_record).toMatchObject({ EmailClicked: 1, EmailReplied: 1 });

    const real = await run(LATER);
    expect(sink.received.slice(3).map((e) => `${e.body.metadata.lead_ext_id}:${e.body.metadata.step_number}`).sort()).toEqual(['keen:2', 'new:1', 'quiet:2']);
    const { rows } = await t.db.pool.query(`SELECT lead_ext_id, status, stop_reason, pause_reason FROM lead_nurturing_sequences ORDER BY lead_ext_id`);
    const status = Object.fromEntries(rows.map((r) => [r.lead_ext_id, r.status]));
    expect(status).toEqual({ keen: 'qualified', quiet: 'paused', gone: 'stopped', new: 'active' });
    expect(real.preview).toBeUndefined();
  });
});
