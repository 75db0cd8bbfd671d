// B7 dashboard: the live dashboard's first paint and its data endpoint, served by `nurture serve` (a
// child process) over a read side of 1,000,000 sequences and their 5,000,000 emails, a log of
// 1,000,000 events, 1,000 runs, suppressions and unmatched events, generated with set-based SQL.
// (a) first paint, cold: sign-in, then the page and its two scripts side by side, then
// /dashboard/data, on the first requests after the server is up; (b) /dashboard/data warm, p50 and
// p95; (c) informative: seconds until the snapshot's background `rankings` are there, if it has them.
// Raw limit: the same reads as bare SQL on one connection (RAW_SQL) plus one bare HTTP round trip to
// the same server (GET /health).
// Correctness: the funnel against the cohort's rules counted in JS; the page's lists at their limits.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parsePeriod } from '../../dist/domain/reports/report-period.js';
import { DASHBOARD_DAYS, DASHBOARD_EVENTS, DASHBOARD_RUNS } from '../../dist/infrastructure/read-side/sql-dashboard-read-model.js';
import { recountGauges } from '../../dist/projections/nurturing-read-model/gauges.js';
import { NURTURING_READ_MODEL } from '../../dist/projections/nurturing-read-model/nurturing-read-model.projection.js';
import { Browser } from '../lib/browser.js';
import { cohortTallies, seedMonthCohort, startsByDay, STEPS } from '../lib/month-cohort.js';
import { analyze } from '../lib/seed.js';
import { startServe } from '../lib/serve-child.js';
import { check, checkpoint, log, timed } from '../lib/util.js';

const MONTH = parsePeriod('monthly', '2026-03');
const LOG_END = '2026-04-30T00:00:00Z';
const FIRST_PAINT_TARGET_MS = 1000;

/** One summary per sequence: the counts of its emails, as the projection would have kept them
 * (every email was sent, so all count in total_emails_sent; engagement_score is left at 0). */
const SUMMARIES_SQL = `
INSERT INTO lead_nurturing_engagement_summary (sequence_id, total_emails_sent, total_emails_delivered, total_emails_opened, total_emails_clicked,
       total_emails_replied, total_emails_bounced, total_opens, total_clicks, total_replies, open_rate, click_rate, reply_rate, last_engagement_at, last_event_at)
SELECT sequence_id, count(*), count(delivered_at), count(opened_at), count(clicked_at), count(replied_at), count(bounced_at),
       count(opened_at), count(clicked_at), count(replied_at), round(count(opened_at)::numeric / count(*), 4),
       round(count(clicked_at)::numeric / count(*), 4), round(count(replied_at)::numeric / count(*), 4),
       greatest(max(opened_at), max(clicked_at), max(replied_at)), max(last_event_at)
  FROM lead_nurturing_events GROUP BY sequence_id`;

/** The log the feed and the head read: $1 events of streams of 5 (started, sent, delivered, opened,
 * sent), recorded evenly from the month's start to LOG_END. Its shape, not the read rows' history. */
const LOG_SQL = `
INSERT INTO es_events (stream_id, stream_position, event_id, event_type, schema_version, data, recorded_at)
SELECT 'nurturing_sequence-' || ((j - 1) / 5 + 1), (j - 1) % 5, gen_random_uuid(),
       (ARRAY['SequenceStarted', 'EmailSent', 'EmailDelivered', 'EmailOpened', 'EmailSent'])[1 + (j - 1) % 5], 1,
       jsonb_build_object('sequenceId', (j - 1) / 5 + 1, 'step', 1 + (j - 1) % 5 / 2, 'occurredAt', at,
                          'emailEventId', gen_random_uuid(), 'subject', 'Step ' || (1 + (j - 1) % 5 / 2) || ' of Template ' || (j % 20)), at
  FROM (SELECT j, $2::timestamptz + (j - 1) * (($3::timestamptz - $2::timestamptz) / $1::int) AS at FROM generate_series(1, $1::int) AS j) g`;
const STREAMS_SQL = `INSERT INTO es_streams (stream_id, revision) SELECT stream_id, max(stream_position) FROM es_events GROUP BY stream_id`;

const PIPELINE_STEPS = ['ensure_schema', 'identify_cold_leads', 'get_or_create_sequence_template', 'start_nurturing_sequences', 'send_scheduled_emails',
  'update_engagement', 'auto_pause_inactive_sequences', 'refresh_conversion_metrics', 'notify_summary'];
/** $1 runs, every 4 hours back from $2; one in 50 failed. */
const RUNS_SQL = `
INSERT INTO lead_nurturing_runs (run_id, as_of, started_at, finished_at, status, dry_run, parameters, steps)
SELECT 'run_bench_' || r, t, t, t + interval '6 seconds', CASE WHEN r % 50 = 0 THEN 'failed' ELSE 'succeeded' END, false,
       '{"max_emails_per_run": 20000, "email_webhook_url": "https://mail.example.com"}'::jsonb, st.steps
  FROM (SELECT r, $2::timestamptz - (r - 1) * interval '4 hours' AS t FROM generate_series(1, $1::int) AS r) g,
       LATERAL (SELECT jsonb_agg(jsonb_build_object('step', name, 'status', 'succeeded', 'durationMs', 5 + (r * ord) % 900,
                                                    'counts', jsonb_build_object('rows', r % 97), 'errors', '[]'::jsonb, 'notes', '[]'::jsonb) ORDER BY ord) AS steps
                  FROM unnest($3::text[]) WITH ORDINALITY AS u(name, ord)) st`;

/** The stopped (bounced) sequences' addresses, suppressed as their projection would have. */
const SUPPRESSIONS_SQL = `
INSERT INTO lead_nurturing_suppressions (email, reason, source, sequence_id, suppressed_at)
SELECT email, 'bounced', 'sequence', id, stopped_at FROM lead_nurturing_sequences WHERE status = 'stopped'`;

const UNMATCHED_SQL = `
INSERT INTO lead_nurturing_unmatched_events (source, provider_event_id, event_type, email, occurred_at, received_at, reason, status)
SELECT 'webhook', 'bench-unmatched-' || j, 'opened', 'stranger-' || j || '@example.com', at, at, 'no sequence for email stranger-' || j || '@example.com', 'expired'
  FROM (SELECT j, $2::timestamptz - j * interval '1 minute' AS at FROM generate_series(1, $1::int) AS j) g`;

/** The projector has applied the whole log: its checkpoint is the log's last event, in log order. */
const CHECKPOINT_SQL = `
INSERT INTO nurture_projection_checkpoints (name, transaction_id, global_position)
SELECT $1, transaction_id, global_position FROM es_events ORDER BY transaction_id DESC, global_position DESC LIMIT 1
ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()`;

/** The raw limit: what a page view needs to read, as bare SQL, one statement after the other. */
const RAW_SQL = [
  ['gauges', `SELECT name, label, value FROM nurture_gauges WHERE name IN ('sequences_by_status', 'unmatched_events', 'emails_by_outcome', 'suppressions')`],
  ['days', `SELECT * FROM mv_nurturing_conversion_metrics WHERE date > (SELECT max(date) FROM mv_nurturing_conversion_metrics) - ${DASHBOARD_DAYS} ORDER BY date`],
  ['runs', `SELECT run_id, started_at, finished_at, status, dry_run, steps FROM lead_nurturing_runs ORDER BY started_at DESC LIMIT ${DASHBOARD_RUNS}`],
  ['events', `SELECT global_position, event_type, stream_id, recorded_at FROM es_events ORDER BY global_position DESC LIMIT ${DASHBOARD_EVENTS}`],
  ['head', `SELECT (SELECT global_position FROM nurture_projection_checkpoints WHERE name = '${NURTURING_READ_MODEL}') AS position, max(global_position) AS head FROM es_events`],
  ['due', `SELECT id, lead_ext_id, sequence_name, current_step, next_send_at FROM lead_nurturing_sequences WHERE status = 'active' ORDER BY next_send_at, id LIMIT 10`],
];

async function seed(pool, { sequences: n, events, runs, unmatched }) {
  await seedMonthCohort(pool, MONTH, n);
  await pool.query(SUMMARIES_SQL);
  await pool.query(LOG_SQL, [events, MONTH.start, LOG_END]);
  await pool.query(STREAMS_SQL);
  await pool.query(RUNS_SQL, [runs, LOG_END, PIPELINE_STEPS]);
  await pool.query(SUPPRESSIONS_SQL);
  await pool.query(UNMATCHED_SQL, [unmatched, LOG_END]);
  await pool.query('REFRESH MATERIALIZED VIEW mv_nurturing_conversion_metrics');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await recountGauges(client);
    await client.query(CHECKPOINT_SQL, [NURTURING_READ_MODEL]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** RAW_SQL once on `client`: milliseconds, and each statement's rows. */
async function rawReads(client) {
  const rows = {};
  const t0 = process.hrtime.bigint();
  for (const [name, sql] of RAW_SQL) rows[name] = (await client.query(sql)).rows;
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, rows };
}

/** Sign-in, then the page and its two scripts side by side, then the data: what a browser does
 * before the first paint. Milliseconds in all and per request, and the answers. */
async function firstPaint(browser, apiKey) {
  const t0 = process.hrtime.bigint();
  const signIn = await browser.postForm('/dashboard/sign-in', { api_key: apiKey });
  const [page, echarts, script] = await Promise.all([
    browser.request(signIn.headers.location ?? '/dashboard'),
    browser.request('/dashboard/assets/echarts.min.js'),
    browser.request('/dashboard/assets/dashboard.js'),
  ]);
  const data = await browser.request('/dashboard/data');
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, signIn, page, echarts, script, data };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const json = (res) => {
  try {
    return JSON.parse(res.body.toString('utf8'));
  } catch {
    return null;
  }
};

export async function runB7({ dbs, sizes, options }) {
  const size = sizes.b7;
  const n = size.sequences;
  const c = await dbs.forCase('B7');
  let server = null;
  let browser = null;
  const rawClient = new pg.Client({ connectionString: c.url, application_name: 'nurture-bench-raw' });
  try {
    const pool = c.db.pool;
    log(`B7: generating ${n} sequences, ${n * STEPS} emails and summaries, ${size.events} log events, ${size.runs} runs (set-based SQL)`);
    const seeded = await timed(() => seed(pool, size));
    log(`B7: seeded in ${seeded.seconds.toFixed(1)} s; analyzing`);
    await analyze(pool);
    const want = cohortTallies(MONTH, n);
    const lastDays = [...startsByDay(MONTH, n)].sort(([a], [b]) => a.localeCompare(b)).slice(-DASHBOARD_DAYS);

    const apiKey = `bench-${randomBytes(18).toString('base64url')}`;
    log('B7: starting nurture serve');
    server = await startServe({
      databaseUrl: c.url,
      profile: options.profile,
      env: {
        NURTURE_API_KEYS: `${apiKey}:read`,
        // Quiet and idle: no scheduled run or report during the measurement, no warnings.
        NURTURE_SCHEDULE: '0 0 1 1 *',
        NURTURE_WEEKLY_REPORT_SCHEDULE: 'off',
        NURTURE_MONTHLY_REPORT_SCHEDULE: 'off',
        NURTURE_DRY_RUN: 'true',
        NURTURE_METRICS_TOKEN: randomBytes(18).toString('base64url'),
        NURTURE_PUBLIC_URL: 'https://nurture.example.com',
      },
    });
    const upAt = Date.now();
    let rankingsAt = null;
    const sawRankings = (snapshot) => {
      if (rankingsAt === null && snapshot && snapshot.rankings !== undefined && snapshot.rankings !== null) rankingsAt = Date.now();
    };

    await checkpoint(pool);
    log(`B7: first paint (cold) at ${server.origin}`);
    browser = new Browser(server.origin);
    const paint = await firstPaint(browser, apiKey);
    const snapshot = json(paint.data);
    sawRankings(snapshot);
    const health = await browser.request('/health');
    await rawClient.connect();
    const rawCold = await rawReads(rawClient);

    log(`B7: /dashboard/data warm x${size.warm}, raw reads and /health interleaved`);
    const warm = { data: [], raw: [], health: [], statuses: [] };
    for (let i = 0; i < size.warm; i++) {
      const res = await browser.request('/dashboard/data');
      warm.data.push(res.ms);
      warm.statuses.push(res.status);
      sawRankings(json(res));
      warm.raw.push((await rawReads(rawClient)).ms);
      warm.health.push((await browser.request('/health')).ms);
    }
    const hasRankings = snapshot !== null && 'rankings' in snapshot;
    const rankingsDeadline = Date.now() + size.rankingsWaitMs;
    while (hasRankings && rankingsAt === null && Date.now() < rankingsDeadline) {
      await new Promise((r) => setTimeout(r, 250));
      sawRankings(json(await browser.request('/dashboard/data')));
    }

    const funnel = snapshot?.funnel ?? {};
    const r = rawCold.rows;
    const checks = [
      check('sign-in: 303 with the session cookie', [303, true], [paint.signIn.status, browser.cookies.has('nurture_session')]),
      check('page, echarts, dashboard.js, data: 200', [200, 200, 200, 200], [paint.page.status, paint.echarts.status, paint.script.status, paint.data.status]),
      check('funnel started, qualified', [want.started, want.qualified], [funnel.started, funnel.qualified]),
      check('funnel sent, delivered', [want.emails, want.sent], [funnel.sent, funnel.delivered]),
      check('funnel opened, clicked, replied', [want.opened, want.clicked, want.replied], [funnel.opened, funnel.clicked, funnel.replied]),
      check('active, paused, completed, stopped', [want.byStatus.active, want.byStatus.paused, want.byStatus.completed, want.byStatus.stopped],
        [snapshot?.active, funnel.paused, funnel.completed, funnel.stopped]),
      check(`days: the last ${DASHBOARD_DAYS}, their starts`, lastDays, (snapshot?.days ?? []).map((d) => [d.date, d.started])),
      check('runs, events: the page limits', [DASHBOARD_RUNS, DASHBOARD_EVENTS], [snapshot?.runs?.length, snapshot?.events?.length]),
      check('suppressions, unmatched events', [want.byStatus.stopped, size.unmatched], [snapshot?.suppressions, snapshot?.unmatchedEvents]),
      check('position and head: the end of the log', [size.events, size.events], [snapshot?.position, snapshot?.head]),
      check(`warm /dashboard/data: ${size.warm} answers 200`, size.warm, warm.statuses.filter((s) => s === 200).length),
      check('raw reads: head, suppressions gauge, runs, events, due', [String(size.events), String(want.byStatus.stopped), DASHBOARD_RUNS, DASHBOARD_EVENTS, 10],
        [r.head[0].head, r.gauges.find((g) => g.name === 'suppressions')?.value, r.runs.length, r.events.length, r.due.length]),
    ];

    const rawPaint = rawCold.ms + health.ms;
    const p = (values, q) => percentile(values, q);
    const p50Raw = p(warm.raw, 50) + p(warm.health, 50);
    const p95Raw = p(warm.raw, 95) + p(warm.health, 95);
    const met = paint.ms < FIRST_PAINT_TARGET_MS;
    const parts = `sign-in ${paint.signIn.ms.toFixed(0)}, page ${paint.page.ms.toFixed(0)} / echarts ${paint.echarts.ms.toFixed(0)} / dashboard.js ${paint.script.ms.toFixed(0)} (side by side), data ${paint.data.ms.toFixed(0)} ms`;
    const setup = `${n} sequences, ${n * STEPS} emails, ${size.events} log events, ${size.runs} runs, ${want.byStatus.stopped} suppressions, ${size.unmatched} unmatched`;
    const details = {
      ...size,
      firstPaintMs: { total: paint.ms, signIn: paint.signIn.ms, page: paint.page.ms, echarts: paint.echarts.ms, script: paint.script.ms, data: paint.data.ms },
      raw: { coldSqlMs: rawCold.ms, healthMs: health.ms, warmSqlMs: { p50: p(warm.raw, 50), p95: p(warm.raw, 95) }, warmHealthMs: { p50: p(warm.health, 50), p95: p(warm.health, 95) } },
      warmDataMs: { p50: p(warm.data, 50), p95: p(warm.data, 95), min: Math.min(...warm.data), max: Math.max(...warm.data) },
      firstPaintTargetMet: met,
    };
    log(`B7: first paint ${paint.ms.toFixed(0)} ms (${parts}); target < ${FIRST_PAINT_TARGET_MS} ms ${met ? 'met' : 'NOT met'}`);
    const rows = [
      {
        id: 'B7-paint',
        name: 'B7 dashboard: first paint (cold)',
        figure: paint.ms,
        unit: 'ms',
        raw: rawPaint,
        target: { max: FIRST_PAINT_TARGET_MS },
        checks,
        details,
        note: `${setup}; ${parts}; first paint < ${FIRST_PAINT_TARGET_MS} ms ${met ? 'met' : 'NOT met'}; raw = the page's reads as bare SQL on one connection (first time, ${rawCold.ms.toFixed(1)} ms) + one GET /health (${health.ms.toFixed(1)} ms)`,
      },
      {
        id: 'B7-data-p50',
        name: 'B7 dashboard: /dashboard/data warm p50',
        figure: p(warm.data, 50),
        unit: 'ms',
        raw: p50Raw,
        target: null,
        checks: [],
        details,
        note: `${size.warm} GETs one after the other on a keep-alive connection (min ${details.warmDataMs.min.toFixed(1)}, max ${details.warmDataMs.max.toFixed(1)} ms); raw = p50 of the bare SQL reads (${p(warm.raw, 50).toFixed(1)} ms) + p50 of GET /health (${p(warm.health, 50).toFixed(1)} ms), interleaved with them`,
      },
      {
        id: 'B7-data-p95',
        name: 'B7 dashboard: /dashboard/data warm p95',
        figure: p(warm.data, 95),
        unit: 'ms',
        raw: p95Raw,
        target: null,
        checks: [],
        details,
        note: `raw = p95 of the bare SQL reads (${p(warm.raw, 95).toFixed(1)} ms) + p95 of GET /health (${p(warm.health, 95).toFixed(1)} ms)`,
      },
    ];
    if (!hasRankings) {
      rows.push({ id: 'B7-rankings', name: 'B7 dashboard: rankings ready', status: 'pending', figure: null, unit: 's', raw: null, target: null, checks: [], details, note: '/dashboard/data has no rankings field yet' });
    } else {
      rows.push({
        id: 'B7-rankings',
        name: 'B7 dashboard: rankings ready',
        figure: rankingsAt === null ? null : (rankingsAt - upAt) / 1000,
        unit: 's',
        raw: null,
        target: null,
        checks: [],
        details,
        note: rankingsAt === null
          ? `rankings still null ${((Date.now() - upAt) / 1000).toFixed(0)} s after the server was up (informative)`
          : 'seconds from the server up (/health 200) to the first /dashboard/data with rankings not null (informative; background computation)',
      });
    }
    return rows;
  } finally {
    browser?.close();
    await rawClient.end().catch(() => undefined);
    await server?.stop();
    await c.drop();
  }
}
