// B2 send: emails/s end to end. 20,000 sequences are due (started an hour ago: step 1 is due at
// start); ONE pipeline run (NurturingRunner, in this process, as `nurture run` would) with
// max_emails_per_run = 20,000 reserves each step in its stream, POSTs it to the email sink (a
// separate process, keep-alive, idempotent by Idempotency-Key), records the outcome; then the read
// model is caught up. The figure is 20,000 / (run + final catch-up).
// Raw limit: the same number of POSTs, with the same bodies, fired straight at the same sink with the
// same client (the service's requestWithRetry: node:http, keep-alive) and the same concurrency.
import http from 'node:http';
import { composeEmail } from '../../dist/application/pipeline/compose-email.js';
import { NurturingRunner } from '../../dist/application/pipeline/nurturing-runner.js';
import { validateRunParameters } from '../../dist/application/pipeline/run-parameters.js';
import { openPipelineDeps } from '../../dist/infrastructure/pipeline/create-pipeline-deps.js';
import { requestWithRetry } from '../../dist/infrastructure/http/request-with-retry.js';
import { webhookPayload } from '../../dist/infrastructure/http/webhook-email-sender.js';
import { loadUnsubscribeTokens } from '../../dist/infrastructure/unsubscribe/load-unsubscribe-tokens.js';
import { startSink } from '../lib/child.js';
import { profiled } from '../lib/profiler.js';
import { analyze, appendStreams, liveProjector, project, reserveSequenceIds } from '../lib/seed.js';
import { StreamBuilder } from '../lib/streams.js';
import { check, count, forEachConcurrent, log, timed } from '../lib/util.js';

const EMAIL_FROM = 'marketing@example.com';

/** The raw limit: `n` POSTs of these bodies with the service's HTTP client, `concurrency` in flight. */
async function firePosts(url, bodies, concurrency) {
  let failed = 0;
  await forEachConcurrent(bodies, concurrency, async (payload, i) => {
    const response = await requestWithRetry(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': `raw:${i}` }, body: JSON.stringify(payload) },
      { timeoutMs: 30_000, maxRetries: 0 },
    );
    if (response.status !== 200) failed += 1;
  });
  return failed;
}

/** Reference only: the same POSTs through node:http with a keep-alive agent (not the service's client). */
async function firePostsNodeHttp(url, bodies, concurrency) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  let failed = 0;
  try {
    await forEachConcurrent(bodies, concurrency, (payload, i) =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify(payload);
        const req = http.request(
          { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': `ref:${i}`, 'content-length': Buffer.byteLength(body) } },
          (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode !== 200) failed += 1;
              resolve();
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
    );
  } finally {
    agent.destroy();
  }
  return failed;
}

export async function runB2({ dbs, sizes, options }) {
  const n = sizes.b2.sequences;
  const concurrency = options.httpConcurrency;
  const c = await dbs.forCase('B2');
  const sink = await startSink(options.profile);
  try {
    const pool = c.db.pool;
    const now = new Date();
    const startedAt = now.getTime() - 3_600_000;
    log(`B2: seeding ${n} due sequences`);
    const builders = [];
    for (let id = 1; id <= n; id++) {
      const b = new StreamBuilder(id);
      b.start({ at: startedAt + id, baseScore: id % 4 === 0 ? null : id % 45 });
      builders.push(b);
    }
    await appendStreams(pool, builders);
    await reserveSequenceIds(pool, n);
    await project(pool);
    await analyze(pool);
    const due = await count(pool, `SELECT count(*) AS n FROM lead_nurturing_sequences WHERE status = 'active' AND next_send_at <= $1`, [now.toISOString()]);

    // Raw: the very emails the run will send (same renderer, same unsubscribe headers).
    const links = await loadUnsubscribeTokens(pool);
    const bodies = builders.map((b) => webhookPayload(composeEmail(b.state, 1, EMAIL_FROM, links)));
    await firePosts(sink.url, bodies.slice(0, 500), concurrency); // warm-up of client and sink
    await sink.reset();
    log(`B2: raw: ${n} POSTs at the sink, concurrency ${concurrency}`);
    const raw = await timed(() => firePosts(sink.url, bodies, concurrency));
    const rawSink = await sink.stats();
    await firePostsNodeHttp(sink.url, bodies.slice(0, 500), concurrency);
    await sink.reset();
    log(`B2: reference: ${n} POSTs at the sink through node:http`);
    const reference = await timed(() => firePostsNodeHttp(sink.url, bodies, concurrency));
    const referenceSink = await sink.stats();
    await sink.reset();

    log(`B2: one pipeline run sending ${n} emails, http_concurrency ${concurrency}`);
    const params = validateRunParameters({ email_webhook_url: sink.url, max_emails_per_run: n, http_concurrency: concurrency, email_from: EMAIL_FROM });
    // The adapters `nurture run` opens (the read model projected by a worker thread).
    const pipeline = openPipelineDeps(c.db);
    const runner = new NurturingRunner(pipeline.deps);
    const run = await profiled(options.profile, 'B2-run', () =>
      timed(async () => {
        const report = await runner.run({ params, now: now.toISOString() });
        await liveProjector(pool).catchUp();
        return report;
      }),
    ).finally(() => pipeline.close());
    const report = run.result;
    const sinkStats = await sink.stats();
    const send = report.steps.find((s) => s.step === 'send_scheduled_emails');

    const checks = [
      check('due sequences before the run', n, due),
      check('raw POSTs answered 200', 0, raw.result),
      check('sink distinct keys after raw', n, rawSink.distinct),
      check('reference POSTs answered 200', 0, reference.result),
      check('sink distinct keys after reference', n, referenceSink.distinct),
      check('run status', 'succeeded', report.status),
      check('send step: sent', n, send?.counts?.sent ?? 0),
      check('sink: requests', n, sinkStats.requests),
      check('sink: distinct Idempotency-Keys', n, sinkStats.distinct),
      check('sink: keys POSTed more than once', 0, sinkStats.repeated),
      check('sink: malformed requests', 0, sinkStats.malformed),
      check("lead_nurturing_events rows with status 'sent'", n, await count(pool, `SELECT count(*) AS n FROM lead_nurturing_events WHERE status = 'sent'`)),
      check('EmailSent events', n, await count(pool, `SELECT count(*) AS n FROM es_events WHERE event_type = 'EmailSent'`)),
      check('sequences at step 1', n, await count(pool, `SELECT count(*) AS n FROM lead_nurturing_sequences WHERE current_step = 1`)),
    ];
    const stepMs = Object.fromEntries(report.steps.map((s) => [s.step, s.durationMs]));
    return [
      {
        id: 'B2',
        name: 'B2 send',
        figure: n / run.seconds,
        unit: 'emails/s',
        raw: n / raw.seconds,
        target: { min: 5_000, minRatio: 0.3 },
        checks,
        details: { emails: n, httpConcurrency: concurrency, seconds: { run: run.seconds, raw: raw.seconds, reference: reference.seconds }, stepMs },
        note: `${n} due sequences, one run (http_concurrency ${concurrency}, pool 10) incl. final catch-up, ${run.seconds.toFixed(2)} s; send step ${stepMs.send_scheduled_emails} ms, update_engagement (catch-up) ${stepMs.update_engagement} ms; raw = ${n} POSTs with the service's HTTP client, same bodies and concurrency`,
      },
      {
        id: 'B2-ref',
        name: 'B2 reference: raw POSTs via node:http',
        figure: n / reference.seconds,
        unit: 'requests/s',
        raw: null,
        target: null,
        checks: [],
        details: { emails: n, httpConcurrency: concurrency },
        note: `the same ${n} POSTs through a bare node:http keep-alive agent (no timeout, retry or body collection), the floor under the service's client`,
      },
    ];
  } finally {
    await sink.stop();
    await c.drop();
  }
}
