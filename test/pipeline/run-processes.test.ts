// `nurture run` as real processes on one PostgreSQL database: four started at once, and one
// killed with SIGKILL in the middle of sending, then run again. Each due (sequence, step) is
// POSTed successfully exactly once, and a kill re-POSTs only what was in flight and one flush
// window of unrecorded outcomes.
import { spawn } from 'node:child_process';
import { OUTCOME_FLUSH_MS } from '../../src/application/pipeline/steps/send-scheduled-emails.js';
import { runMigrations } from '../../src/infrastructure/database/migrate.js';
import { EmailSink } from '../support/email-sink.js';
import { insertLeads } from '../support/leads.js';
import { runCli } from '../support/cli.js';
import { createTestDatabase, describeWithServer, SKIP_REASON_ONE_SESSION, type TestDatabase } from '../support/test-database.js';

const NOW = '2026-05-04T10:00:00.000Z';
const BIN = new URL('../../bin/nurture.js', import.meta.url).pathname;

describeWithServer(`nurture run processes on one database (skipped on embedded: ${SKIP_REASON_ONE_SESSION}; one process owns an embedded data directory)`, () => {
  let t: TestDatabase;
  const sink = new EmailSink();
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    t = await createTestDatabase({ migrate: false });
    await runMigrations(t.db);
    await sink.start();
    env = { DATABASE_URL: t.url, NURTURE_EMAIL_WEBHOOK_URL: sink.url, NURTURE_REQUEST_TIMEOUT: '5' };
  });
  afterEach(async () => {
    await sink.stop();
    sink.reset();
    await t.drop();
  });

  const seed = (n: number) =>
    insertLeads(t.db.pool, Array.from({ length: n }, (_, i) => ({ ext_id: `lead_${i}`, email: `l${i}@example.com`, score: 5, priority: 'low', created_at: '2026-05-01T00:00:00Z' })));

  it('four runs started at once: one runs, the others exit cleanly saying another run holds the lock', async () => {
    await seed(60);
    sink.reply = () => ({ status: 200, delayMs: 5 });
    const results = await Promise.all(Array.from({ length: 4 }, () => runCli(['run', '--now', NOW], env)));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const ran = results.filter((r) => /succeeded/.test(r.stdout));
    const skipped = results.filter((r) => /skipped: another run holds the lock/.test(r.stdout));
    expect(ran.length + skipped.length).toBe(4);
    expect(ran.length).toBeGreaterThanOrEqual(1);
    expect(sink.sends.size).toBe(60);
    expect([...sink.requestsPerKey.values()].every((n) => n === 1)).toBe(true);
    const { rows } = await t.db.pool.query(`SELECT status, count(*)::int AS n FROM lead_nurturing_runs GROUP BY status ORDER BY status`);
    expect(rows.find((r) => r.status === 'succeeded')?.n).toBe(ran.length);
  });

  it('a run killed mid-send, then run again: every due step is sent exactly once, in-flight ones retried with the same key', async () => {
    await seed(40);
    sink.reply = () => ({ status: 200, delayMs: 150 });
    const child = spawn(process.execPath, [BIN, 'run', '--now', NOW, '--http-concurrency', '2'], {
      env: { PATH: process.env.PATH, ...env },
      stdio: 'ignore',
    });
    await waitFor(() => sink.received.length >= 6, 20_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const beforeKill = new Set(sink.received.map((r) => r.key));
    expect(sink.sends.size).toBeLessThan(40);

    sink.reply = () => undefined;
    const again = await runCli(['run', '--now', NOW, '--json'], env);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout);
    const send = report.steps.find((s: { step: string }) => s.step === 'send_scheduled_emails');
    expect(send.counts.taken_over).toBeGreaterThan(0);

    expect(sink.sends.size).toBe(40);
    expect(sink.keysSentMoreThanOnce()).toEqual([]);
    const requestedTwice = [...sink.requestsPerKey].filter(([, n]) => n > 1).map(([k]) => k);
    for (const key of requestedTwice) expect(beforeKill.has(key)).toBe(true);
    expect([...sink.requestsPerKey.values()].every((n) => n <= 2)).toBe(true);

    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM lead_nurturing_events WHERE status = 'sent'`);
    expect(rows[0].n).toBe(40);
  });

  it('a run killed with SIGKILL mid-send re-sends at most what was in flight plus one flush window of outcomes', async () => {
    const LEADS = 300;
    const LATENCY_MS = 100;
    const CONCURRENCY = 16; // the default http_concurrency
    await seed(LEADS);
    sink.reply = () => ({ status: 200, delayMs: LATENCY_MS });
    const child = spawn(process.execPath, [BIN, 'run', '--now', NOW, '--max-leads-per-run', String(LEADS)], {
      env: { PATH: process.env.PATH, ...env },
      stdio: 'ignore',
    });
    await waitFor(() => sink.received.length >= 200, 60_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const postedBeforeKill = sink.received.length;

    sink.reply = () => undefined;
    const again = await runCli(['run', '--now', NOW, '--json'], env);
    expect(again.code).toBe(0);

    // Every due step is sent, once (the sink drops a repeated Idempotency-Key, as providers do).
    expect(sink.sends.size).toBe(LEADS);
    expect(sink.keysSentMoreThanOnce()).toEqual([]);
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM lead_nurturing_events WHERE status = 'sent'`);
    expect(rows[0].n).toBe(LEADS);

    // A webhook without idempotency would have got these twice: the POSTs whose outcome was not
    // yet durable at the kill. At most the requests in flight (http_concurrency) plus the answers
    // that come back during one flush window (OUTCOME_FLUSH_MS) and the flush in progress (slack:
    // 100 ms), at concurrency / latency answers a second.
    const requestedTwice = [...sink.requestsPerKey.values()].filter((n) => n > 1).length;
    const answersPerMs = CONCURRENCY / LATENCY_MS;
    const bound = CONCURRENCY + Math.ceil(answersPerMs * (OUTCOME_FLUSH_MS + 100));
    process.stdout.write(`SIGKILL after ${postedBeforeKill} POSTs: ${requestedTwice} keys POSTed again (bound ${bound}; the whole batch of ${postedBeforeKill} before group commits)\n`);
    expect(requestedTwice).toBeLessThanOrEqual(bound);
    expect([...sink.requestsPerKey.values()].every((n) => n <= 2)).toBe(true);
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
