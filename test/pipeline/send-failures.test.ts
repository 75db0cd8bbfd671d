// A send that fails for good stops; one that fails for a while backs off across runs. Pipeline
// runs (the runner `nurture run` uses) with increasing `now`, against a real local email webhook
// that answers 400 for one address and 503 for another.
import { NurturingRunner } from '../../src/application/pipeline/nurturing-runner.js';
import type { PipelineDeps } from '../../src/application/pipeline/pipeline-deps.js';
import { validateRunParameters } from '../../src/application/pipeline/run-parameters.js';
import type { RunReport } from '../../src/application/pipeline/run-report.js';
import { createPipelineDeps } from '../../src/infrastructure/pipeline/create-pipeline-deps.js';
import { EmailSink } from '../support/email-sink.js';
import { insertLeads } from '../support/leads.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const T0 = Date.parse('2026-04-01T09:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();

describe('send failures across runs', () => {
  let t: TestDatabase;
  let deps: PipelineDeps;
  const sink = new EmailSink();

  beforeEach(async () => {
    t = await createTestDatabase();
    await sink.start();
    deps = createPipelineDeps(t.db);
    await insertLeads(t.db.pool, [
      { ext_id: 'refused', email: 'refused@example.com', score: 10, priority: null, created_at: '2026-03-20T00:00:00Z' },
      { ext_id: 'flaky', email: 'flaky@example.com', score: 10, priority: null, created_at: '2026-03-20T00:00:00Z' },
      { ext_id: 'fine', email: 'fine@example.com', score: 10, priority: null, created_at: '2026-03-20T00:00:00Z' },
    ]);
  });
  afterEach(async () => {
    await sink.stop();
    sink.reset();
    await t.drop();
  });

  const run = (hours: number): Promise<RunReport> =>
    new NurturingRunner(deps).run({
      params: validateRunParameters({ email_webhook_url: sink.url, request_timeout: 2, max_retry_attempts: 1 }),
      now: at(hours),
    });
  const send = (report: RunReport) => report.steps.find((s) => s.step === 'send_scheduled_emails')!;
  const requests = (to: string) => sink.received.filter((r) => r.body.to === to).length;
  const sequence = async (extId: string) =>
    (
      await t.db.pool.query(
        `SELECT s.status, s.stop_reason, s.next_send_at, e.status AS email_status, e.attempts, e.error
           FROM lead_nurturing_sequences s JOIN lead_nurturing_events e ON e.sequence_id = s.id AND e.step_number = 1
          WHERE s.lead_ext_id = $1`,
        [extId],
      )
    ).rows[0];

  it('a 400 stops its sequence (send_failed) after max_send_failures runs; a 503 is retried only after its backoff and sent once the webhook recovers', async () => {
    let flakyDown = true;
    sink.reply = (_key, _attempt, email) => {
      if (email.body.to === 'refused@example.com') return { status: 400, body: { error: 'invalid recipient' } };
      if (email.body.to === 'flaky@example.com' && flakyDown) return { status: 503, body: { error: 'unavailable' } };
      return undefined;
    };

    // Run 1 (T0): the 400 is not retried within the run; the 503 is (max_retry_attempts 1). Both back off 1 h.
    expect(send(await run(0)).counts).toMatchObject({ due: 3, sent: 1, failed: 2, failed_permanent: 1 });
    expect([requests('refused@example.com'), requests('flaky@example.com')]).toEqual([1, 2]);
    expect(await sequence('refused')).toMatchObject({ status: 'active', next_send_at: new Date(at(1)), email_status: 'failed', attempts: 1 });
    expect(await sequence('flaky')).toMatchObject({ status: 'active', next_send_at: new Date(at(1)), email_status: 'failed' });

    // T0 + 30 min: inside the backoff, nothing is due, nothing POSTed, no budget spent.
    expect(send(await run(0.5)).counts).toMatchObject({ due: 0 });
    expect(sink.received).toHaveLength(4);

    // T0 + 1 h: both tried again and fail again: the next wait is 2 h.
    expect(send(await run(1)).counts).toMatchObject({ due: 2, failed: 2, failed_permanent: 1 });
    expect(await sequence('flaky')).toMatchObject({ next_send_at: new Date(at(3)) });
    expect(send(await run(2)).counts).toMatchObject({ due: 0 });

    // T0 + 3 h: the third refusal stops the sequence; the 503 waits 4 h more.
    const third = send(await run(3));
    expect(third.counts).toMatchObject({ due: 2, failed: 2, failed_permanent: 1, stopped_send_failed: 1 });
    expect(await sequence('refused')).toMatchObject({ status: 'stopped', stop_reason: 'send_failed', next_send_at: null, email_status: 'failed', attempts: 3 });
    expect(await sequence('flaky')).toMatchObject({ status: 'active', next_send_at: new Date(at(7)) });
    const { rows: suppressed } = await t.db.pool.query(`SELECT email FROM lead_nurturing_suppressions`);
    expect(suppressed).toEqual([]); // a refused send says nothing against the address

    // The webhook recovers (it would now accept both).
    flakyDown = false;
    sink.reply = () => undefined;
    expect(send(await run(5)).counts).toMatchObject({ due: 0 });
    expect(send(await run(7)).counts).toMatchObject({ due: 1, sent: 1 });
    expect(send(await run(30)).counts).toMatchObject({ due: 0 });

    expect(requests('refused@example.com')).toBe(3); // never POSTed again after it stopped
    expect(requests('flaky@example.com')).toBe(2 * 3 + 1);
    expect(await sequence('flaky')).toMatchObject({ status: 'active', email_status: 'sent', attempts: 7, error: null });
    expect(sink.keysSentMoreThanOnce()).toEqual([]);
    const { rows: history } = await t.db.pool.query(
      `SELECT e.event_type AS type, e.data FROM es_events e WHERE e.stream_id = (SELECT 'nurturing_sequence-' || id FROM lead_nurturing_sequences WHERE lead_ext_id = 'refused') AND e.event_type IN ('EmailSendFailed', 'SequenceStopped') ORDER BY e.stream_position`,
    );
    expect(history.map((h) => [h.type, h.data.failures ?? h.data.reason, h.data.permanent ?? null])).toEqual([
      ['EmailSendFailed', 1, true],
      ['EmailSendFailed', 2, true],
      ['EmailSendFailed', 3, true],
      ['SequenceStopped', 'send_failed', null],
    ]);
  });
});
