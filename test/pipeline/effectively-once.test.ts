// Sending is effectively-once: no (sequence, step) is POSTed successfully twice, with two
// senders on the same due set at once, with sends that fail, and with retries.
import { NurturingRunner } from '../../src/application/pipeline/nurturing-runner.js';
import type { PipelineDeps } from '../../src/application/pipeline/pipeline-deps.js';
import type { RunContext } from '../../src/application/pipeline/run-context.js';
import { type RunParameters, validateRunParameters } from '../../src/application/pipeline/run-parameters.js';
import { StepRecorder } from '../../src/application/pipeline/run-report.js';
import { sendScheduledEmails } from '../../src/application/pipeline/steps/send-scheduled-emails.js';
import { createPipelineDeps } from '../../src/infrastructure/pipeline/create-pipeline-deps.js';
import { EmailSink } from '../support/email-sink.js';
import { insertLeads } from '../support/leads.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const NOW = '2026-04-01T09:00:00.000Z';
const LEADS = 40;

describe('effectively-once sending', () => {
  let t: TestDatabase;
  let deps: PipelineDeps;
  const sink = new EmailSink();

  beforeEach(async () => {
    t = await createTestDatabase();
    await sink.start();
    deps = createPipelineDeps(t.db);
    await insertLeads(
      t.db.pool,
      Array.from({ length: LEADS }, (_, i) => ({ ext_id: `lead_${i}`, email: `lead${i}@example.com`, score: i % 40, priority: null, created_at: '2026-03-20T00:00:00Z' })),
    );
  });
  afterEach(async () => {
    await sink.stop();
    sink.reset();
    await t.drop();
  });

  const params = (overrides: Record<string, unknown> = {}): RunParameters =>
    validateRunParameters({ email_webhook_url: sink.url, request_timeout: 2, max_retry_attempts: 1, ...overrides });

  /** Enrolls the leads without sending anything (a run with no send budget). */
  async function enroll(): Promise<void> {
    const report = await new NurturingRunner(deps).run({ params: params({ max_emails_per_run: 0 }), now: NOW });
    expect(report.steps.find((s) => s.step === 'start_nurturing_sequences')!.counts.sequences_started).toBe(LEADS);
    expect(sink.received).toHaveLength(0);
  }

  const senderContext = (runId: string, p: RunParameters): RunContext => ({
    runId, now: NOW, params: p, coldLeads: [], templates: null, sendBudget: p.max_emails_per_run,
  });

  it('two senders working the same due set at once POST each step exactly once (the reservation decides)', async () => {
    await enroll();
    sink.reply = () => ({ status: 200, delayMs: 3 }); // let the two senders interleave
    const p = params({ http_concurrency: 4 });
    await deps.coordination.registerSender('sender-a');
    await deps.coordination.registerSender('sender-b');
    const [a, b] = [new StepRecorder(), new StepRecorder()];
    await Promise.all([
      sendScheduledEmails(senderContext('sender-a', p), deps, a),
      sendScheduledEmails(senderContext('sender-b', p), deps, b),
    ]);
    await deps.coordination.finishRun('sender-a');
    await deps.coordination.finishRun('sender-b');

    expect(sink.sends.size).toBe(LEADS);
    expect([...sink.requestsPerKey.values()].every((n) => n === 1)).toBe(true);
    expect((a.counts.sent ?? 0) + (b.counts.sent ?? 0)).toBe(LEADS);
    await deps.readModel.catchUp();
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM lead_nurturing_events WHERE status = 'sent'`);
    expect(rows[0].n).toBe(LEADS);
  });

  it('a send that exhausts its retries is recorded as failed, not sent, and is sent by a later run', async () => {
    await enroll();
    const { rows: seq } = await t.db.pool.query(`SELECT id FROM lead_nurturing_sequences WHERE lead_ext_id = 'lead_7'`);
    const failingKey = `${seq[0].id}:1`;
    sink.reply = (key) => (key === failingKey ? { status: 503, body: { error: 'unavailable' } } : undefined);
    const first = await new NurturingRunner(deps).run({ params: params(), now: NOW });
    const sendStep = first.steps.find((s) => s.step === 'send_scheduled_emails')!;
    expect(sendStep.counts).toMatchObject({ sent: LEADS - 1, failed: 1 });
    expect(sendStep.errors).toEqual([`sequence ${seq[0].id}: HTTP 503: {"error":"unavailable"}`]);
    expect(sink.requestsPerKey.get(failingKey)).toBe(2); // the first attempt and max_retry_attempts = 1 retry
    const failed = await t.db.pool.query(`SELECT status, attempts, error, sent_at FROM lead_nurturing_events WHERE sequence_id = $1`, [seq[0].id]);
    expect(failed.rows).toEqual([{ status: 'failed', attempts: 2, error: 'HTTP 503: {"error":"unavailable"}', sent_at: null }]);

    sink.reply = () => undefined;
    const second = await new NurturingRunner(deps).run({ params: params(), now: '2026-04-01T13:00:00.000Z' });
    expect(second.steps.find((s) => s.step === 'send_scheduled_emails')!.counts).toMatchObject({ due: 1, sent: 1 });
    expect(sink.sends.size).toBe(LEADS);
    expect(sink.keysSentMoreThanOnce()).toEqual([]);
    const sent = await t.db.pool.query(`SELECT status, attempts, error FROM lead_nurturing_events WHERE sequence_id = $1`, [seq[0].id]);
    expect(sent.rows).toEqual([{ status: 'sent', attempts: 3, error: null }]);
  });

  it('honours Retry-After on 429 and retries with the same Idempotency-Key', async () => {
    await enroll();
    sink.reply = (_key, attempt) => (attempt === 1 ? { status: 429, headers: { 'retry-after': '1' } } : undefined);
    const report = await new NurturingRunner(deps).run({ params: params({ max_emails_per_run: 3 }), now: NOW });
    expect(report.steps.find((s) => s.step === 'send_scheduled_emails')!.counts).toMatchObject({ sent: 3 });
    for (const key of sink.sends.keys()) {
      const attempts = sink.received.filter((r) => r.key === key);
      expect(attempts).toHaveLength(2);
      expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    }
  });

  it('respects the per-run budget (max_emails_per_run)', async () => {
    const report = await new NurturingRunner(deps).run({ params: params({ max_emails_per_run: 15 }), now: NOW });
    expect(report.steps.find((s) => s.step === 'send_scheduled_emails')!.counts).toMatchObject({ due: 15, sent: 15 });
    expect(sink.sends.size).toBe(15);
  });
});
