// B3 ingest: engagement events/s through the signed engagement webhook `POST /webhooks/engagement`
// (the specification's items, batches of 100, Standard Webhooks HMAC), until durably appended and
// projected: the app (createApp, in this process) answers every request, then the read model is
// caught up. The client is a separate process (bench/processes/webhook-client.js).
// Raw limit: the same requests, from the same client, against an endpoint that only verifies the
// signature (the service's own verifyStandardWebhook), parses the body and answers 200.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { verifyStandardWebhook } from '../../dist/infrastructure/webhooks/providers/standard-webhooks/verify-standard-webhook.js';
import { Child } from '../lib/child.js';
import { profiled } from '../lib/profiler.js';
import { analyze, appendStreams, project, reserveSequenceIds } from '../lib/seed.js';
import { StreamBuilder } from '../lib/streams.js';
import { check, count, log, timed } from '../lib/util.js';
import { expectedCounts } from '../processes/webhook-client.js';

const PATH = '/webhooks/engagement';

function verifyOnlyServer(secret) {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        const rawBody = Buffer.concat(chunks);
        verifyStandardWebhook({ rawBody, headers: req.headers, secret, now: new Date() });
        const received = JSON.parse(rawBody.toString('utf8')).length;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ received, recorded: received, duplicates: 0, unmatched: 0, refused: [] }));
      } catch (error) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(error.message) }));
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const pending = (note) => [
  { id: 'B3', name: 'B3 ingest', status: 'pending', figure: null, unit: 'events/s', raw: null, target: { min: 20_000 }, checks: [], note },
];

export async function runB3({ dbs, sizes, options }) {
  const { sequences, events: total, perRequest, clients } = sizes.b3;
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const previousSecret = process.env.NURTURE_WEBHOOK_SECRET;
  process.env.NURTURE_WEBHOOK_SECRET = secret;
  let createApp;
  let LiveProjectionService;
  try {
    ({ createApp } = await import('../../dist/infrastructure/serve/create-app.js'));
    ({ LiveProjectionService } = await import('../../dist/infrastructure/serve/live-projection.service.js'));
  } catch (error) {
    return pending(`the app does not load: ${error.message}`);
  }
  const c = await dbs.forCase('B3');
  let app;
  let client;
  let rawServer;
  try {
    const pool = c.db.pool;
    const now = Date.now();
    log(`B3: seeding ${sequences} sequences with step 1 sent`);
    const builders = [];
    for (let id = 1; id <= sequences; id++) {
      const b = new StreamBuilder(id);
      b.start({ at: now - 2 * 3_600_000, baseScore: id % 30 });
      b.send(now - 3_600_000);
      builders.push(b);
    }
    await appendStreams(pool, builders);
    await reserveSequenceIds(pool, sequences);
    await project(pool);
    await analyze(pool);

    app = await createApp(c.db, { schedule: null }, ['error']);
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${app.getHttpServer().address().port}${PATH}`;
    const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    await probe.text();
    if (probe.status === 404) return pending(`POST ${PATH} answers 404: the endpoint is not there yet (harness ready; it runs once it exists)`);

    rawServer = await verifyOnlyServer(secret);
    const rawUrl = `http://127.0.0.1:${rawServer.address().port}${PATH}`;
    client = await Child.start('webhook-client.js', { profile: options.profile, name: 'webhook-client' });
    const job = (target, idPrefix, n) => ({ type: 'run', url: target, secret, sequences, total: n, perRequest, clients, baseMs: now - 1_800_000, idPrefix });

    await client.request(job(rawUrl, 'warm_raw', 20 * perRequest));
    log(`B3: raw: ${total / perRequest} signed requests at a verify-only endpoint`);
    const raw = await timed(() => client.request(job(rawUrl, 'raw', total)));

    log(`B3: ${total} engagement events through POST ${PATH}, ${clients} clients`);
    const ingest = await profiled(options.profile, 'B3-ingest', () =>
      timed(async () => {
        const r = await client.request(job(url, 'evt', total));
        // The service's own live projection finishes what the requests appended.
        r.catchUp = await timed(() => app.get(LiveProjectionService).catchUp());
        return r;
      }),
    );
    const r = ingest.result;
    const expected = expectedCounts(total, sequences);
    const sumOf = (column) => count(pool, `SELECT coalesce(sum(${column}), 0) AS n FROM lead_nurturing_engagement_summary`);
    const checks = [
      check('raw: requests answered 200', { 200: total / perRequest }, raw.result.statuses),
      check('requests answered 200', { 200: Math.ceil(total / perRequest) }, r.statuses),
      check('events recorded (answers)', total, r.answers.recorded),
      check('duplicates, unmatched, refused (answers)', [0, 0, 0], [r.answers.duplicates, r.answers.unmatched, r.answers.refused]),
      check('engagement events in the log', total, await count(pool, `SELECT count(*) AS n FROM es_events WHERE event_type IN ('EmailDelivered', 'EmailOpened', 'EmailClicked', 'EmailReplied')`)),
      check('summaries: total_opens', expected.opened ?? 0, await sumOf('total_opens')),
      check('summaries: total_clicks', expected.clicked ?? 0, await sumOf('total_clicks')),
      check('summaries: total_replies', expected.replied ?? 0, await sumOf('total_replies')),
    ];
    return [
      {
        id: 'B3',
        name: 'B3 ingest',
        figure: total / ingest.seconds,
        unit: 'events/s',
        raw: total / raw.seconds,
        target: { min: 20_000 },
        checks,
        details: { events: total, sequences, perRequest, clients, retries: r.retries, seconds: { ingest: ingest.seconds, requests: r.seconds, catchUp: r.catchUp.seconds, raw: raw.seconds } },
        note: `${total} events in ${total / perRequest} signed requests of ${perRequest} over ${sequences} sequences, ${clients} concurrent clients (${r.retries} retried 429/5xx); answers ${r.seconds.toFixed(1)} s + final catch-up ${r.catchUp.seconds.toFixed(1)} s; raw = same requests at a verify-only node:http endpoint`,
      },
    ];
  } finally {
    if (previousSecret === undefined) delete process.env.NURTURE_WEBHOOK_SECRET;
    else process.env.NURTURE_WEBHOOK_SECRET = previousSecret;
    await client?.stop();
    rawServer?.close();
    rawServer?.closeAllConnections();
    await app?.close();
    await c.drop();
  }
}
