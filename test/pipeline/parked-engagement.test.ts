// No provider event is lost to a race: a bounce that names a message id whose send is not
// recorded yet is acknowledged and parked, then matched by a later pass, which stops the
// sequence and suppresses the address. Parked events expire after unmatched_retry_days.
import { commitEngagement, planEngagement } from '../../src/application/engagement/engagement-batch.js';
import { NurturingRunner } from '../../src/application/pipeline/nurturing-runner.js';
import type { PipelineDeps } from '../../src/application/pipeline/pipeline-deps.js';
import { validateRunParameters } from '../../src/application/pipeline/run-parameters.js';
import { createPipelineDeps } from '../../src/infrastructure/pipeline/create-pipeline-deps.js';
import { EmailSink } from '../support/email-sink.js';
import { insertLeads } from '../support/leads.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const T0 = '2026-04-01T09:00:00.000Z';

describe('parked engagement', () => {
  let t: TestDatabase;
  let deps: PipelineDeps;
  const sink = new EmailSink();

  beforeEach(async () => {
    t = await createTestDatabase();
    await sink.start();
    deps = createPipelineDeps(t.db);
    await insertLeads(t.db.pool, [{ ext_id: 'ana', email: 'ana@example.com', score: 10, priority: null, created_at: '2026-03-20T00:00:00Z' }]);
  });
  afterEach(async () => {
    await sink.stop();
    sink.reset();
    await t.drop();
  });

  const params = (extra: Record<string, unknown> = {}) => validateRunParameters({ email_webhook_url: sink.url, ...extra });
  const ingest = async (providerMessageId: string, now: string) => {
    const { matcher, unmatched } = deps.engagementMatching;
    const ingestDeps = { store: deps.store, matcher, unmatched, catchUp: () => deps.readModel.catchUp() };
    const options = { minScoreToQualify: 50, stopOnReply: false, now };
    const report = { source: 'webhook' as const, providerEventId: `b-${providerMessageId}`, type: 'bounced' as const, occurredAt: now, providerMessageId, bounceKind: 'hard' as const };
    return (await commitEngagement(await planEngagement([{ reports: [report], metadata: { requestId: 'r1' } }], ingestDeps, options), ingestDeps, options)).results[0]!;
  };
  const rows = async () => (await t.db.pool.query(`SELECT status, attempts, resolution FROM lead_nurturing_unmatched_events ORDER BY id`)).rows;

  it('a bounce that arrives before its send is recorded is parked, then stops the sequence and suppresses the address', async () => {
    // The test sink answers msg_<sequence>:<step>; the bounce for it arrives while the send is in flight.
    expect(await ingest('msg_1:1', T0)).toMatchObject({ unmatched: 1, recorded: 0 });
    expect(await rows()).toEqual([{ status: 'parked', attempts: 1, resolution: null }]);

    await new NurturingRunner(deps).run({ params: params(), now: T0 }); // sends step 1 (msg_1:1), then matches parked events again
    expect(await rows()).toEqual([{ status: 'matched', attempts: 2, resolution: 'recorded' }]);
    const { rows: seq } = await t.db.pool.query(`SELECT status, stop_reason FROM lead_nurturing_sequences`);
    expect(seq).toEqual([{ status: 'stopped', stop_reason: 'bounced' }]);
    const { rows: sup } = await t.db.pool.query(`SELECT email, reason FROM lead_nurturing_suppressions`);
    expect(sup).toEqual([{ email: 'ana@example.com', reason: 'bounced' }]);
  });

  it('an event that never matches stays parked, counted, until it expires after unmatched_retry_days', async () => {
    expect(await ingest('msg-unknown', T0)).toMatchObject({ unmatched: 1 });
    await new NurturingRunner(deps).run({ params: params(), now: '2026-04-03T09:00:00.000Z' });
    expect(await rows()).toEqual([{ status: 'parked', attempts: 2, resolution: null }]);
    const late = await new NurturingRunner(deps).run({ params: params(), now: '2026-04-09T09:00:01.000Z' });
    expect(late.steps.find((s) => s.step === 'update_engagement')!.counts).toMatchObject({ parked_expired: 1 });
    expect((await rows())[0]).toMatchObject({ status: 'expired' });
  });
});
