// B6 report: seconds to generate the monthly report (`nurture report monthly`'s generator: its four
// queries, the files, storing it) over 1,000,000 sequences started in the month and their 5,000,000
// emails, generated with set-based SQL.
// Raw limit: the same aggregates as one bare SQL query (one pass over the cohort and its emails,
// GROUPING SETS for the month, the days and the templates; the steps over the emails sent in the
// month), with nothing else: no per-period join, no files, no insert.
// Correctness: the report's counts against the ones the generator below defines, computed in JS.
import { parsePeriod } from '../../dist/domain/reports/report-period.js';
import { createReportGenerator } from '../../dist/infrastructure/reports/create-report-generator.js';
import { analyze } from '../lib/seed.js';
import { check, checkpoint, log, timed } from '../lib/util.js';

const MONTH = parsePeriod('monthly', '2026-03');
const STEPS = 5;
const TEMPLATES = 20;

// Sequence i (1..n) starts at MONTH.start + (i - 1) * month / n; template i % 20; qualified 3 days
// later when i % 10 = 0. Its email k (1..5) is sent 2 (k - 1) days after the start (the last ones in
// April), bounced when (i + k) % 40 = 0, else sent and delivered; opened when i·k % 3 = 0, clicked
// when i·k % 7 = 0, replied when (i + k) % 11 = 0.
const SEED_SQL = `
INSERT INTO lead_nurturing_sequences (id, lead_ext_id, email, sequence_name, total_steps, status, started_at, qualified_at, stream_revision, last_event_at)
SELECT i, 'lead-' || i, 'lead-' || i || '@example.com', 'Template ' || (i % ${TEMPLATES}), ${STEPS},
       CASE WHEN i % 10 = 0 THEN 'qualified' ELSE 'active' END, st, CASE WHEN i % 10 = 0 THEN st + interval '3 days' END, 0, st
  FROM (SELECT i, $1::timestamptz + (i - 1) * (($2::timestamptz - $1::timestamptz) / $3::int) AS st FROM generate_series(1, $3::int) AS i) s;
INSERT INTO lead_nurturing_events (id, sequence_id, lead_ext_id, email, step_number, status, sent_at, delivered_at, opened_at, clicked_at, replied_at, bounced_at, last_event_at)
SELECT gen_random_uuid(), s.id, s.lead_ext_id, s.email, k, CASE WHEN (s.id + k) % 40 = 0 THEN 'bounced' ELSE 'sent' END, at,
       CASE WHEN (s.id + k) % 40 <> 0 THEN at END, CASE WHEN s.id * k % 3 = 0 THEN at END, CASE WHEN s.id * k % 7 = 0 THEN at END,
       CASE WHEN (s.id + k) % 11 = 0 THEN at END, CASE WHEN (s.id + k) % 40 = 0 THEN at END, at
  FROM lead_nurturing_sequences s, generate_series(1, ${STEPS}) AS k, LATERAL (SELECT s.started_at + (k - 1) * interval '2 days' AS at) a;`;

function expected(n) {
  const monthMs = Date.parse(MONTH.end) - Date.parse(MONTH.start);
  const e = { started: n, qualified: 0, sent: 0, bounced: 0, opened: 0, clicked: 0, replied: 0, sentInMonth: 0 };
  for (let i = 1; i <= n; i++) {
    if (i % 10 === 0) e.qualified += 1;
    const startOffset = Math.floor(((i - 1) * monthMs) / n);
    for (let k = 1; k <= STEPS; k++) {
      if ((i + k) % 40 === 0) {
        e.bounced += 1;
        continue;
      }
      e.sent += 1;
      if ((i * k) % 3 === 0) e.opened += 1;
      if ((i * k) % 7 === 0) e.clicked += 1;
      if ((i + k) % 11 === 0) e.replied += 1;
      if (startOffset + (k - 1) * 2 * 86_400_000 < monthMs) e.sentInMonth += 1;
    }
  }
  return e;
}

/** The raw limit: the same aggregates, one bare statement. */
const RAW_SQL = `
WITH c AS (
  SELECT s.id, s.sequence_name, (s.started_at AT TIME ZONE 'UTC')::date AS day, s.qualified_at - s.started_at AS to_qualify,
         count(e.id) FILTER (WHERE e.status = 'sent') AS sent, count(e.id) FILTER (WHERE e.status = 'bounced') AS bounced,
         count(e.opened_at) FILTER (WHERE e.status = 'sent') AS opened, count(e.clicked_at) FILTER (WHERE e.status = 'sent') AS clicked,
         count(e.replied_at) FILTER (WHERE e.status = 'sent') AS replied
    FROM lead_nurturing_sequences s LEFT JOIN lead_nurturing_events e ON e.sequence_id = s.id
   WHERE s.started_at >= $1 AND s.started_at < $2
   GROUP BY s.id)
SELECT day::text AS k1, sequence_name AS k2, NULL::int AS step, count(*) AS started, count(to_qualify) AS qualified, avg(to_qualify),
       sum(sent) AS sent, sum(bounced) AS bounced, sum(opened) AS opened, sum(clicked) AS clicked, sum(replied) AS replied
  FROM c GROUP BY GROUPING SETS ((), (day), (sequence_name))
UNION ALL
SELECT NULL, s.sequence_name, e.step_number, NULL, NULL, NULL, count(*), NULL, count(e.opened_at), count(e.clicked_at), count(e.replied_at)
  FROM lead_nurturing_events e JOIN lead_nurturing_sequences s ON s.id = e.sequence_id
 WHERE e.status = 'sent' AND e.sent_at >= $1 AND e.sent_at < $2
 GROUP BY s.sequence_name, e.step_number`;

const stepKey = (st) => `${st.sequence_name}/${st.step_number}`;
const byteOrder = (a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b)));
function topOf(steps, minSends) {
  const rate = (st) => Math.round((10_000 * st.emails_replied) / st.emails_sent) / 100;
  return steps
    .filter((st) => st.emails_sent >= minSends)
    .sort((a, b) => rate(b) - rate(a) || b.emails_sent - a.emails_sent || byteOrder(a.sequence_name, b.sequence_name) || a.step_number - b.step_number)
    .slice(0, 5)
    .map(stepKey);
}

export async function runB6({ dbs, sizes }) {
  const { sequences: n } = sizes.b6;
  const c = await dbs.forCase('B6');
  try {
    const pool = c.db.pool;
    log(`B6: generating ${n} sequences and ${n * STEPS} emails (set-based SQL)`);
    const seeded = await timed(() => pool.query(SEED_SQL.split(';\n')[0], [MONTH.start, MONTH.end, n]));
    await pool.query(SEED_SQL.split(';\n')[1]);
    log(`B6: seeded in ${seeded.seconds.toFixed(1)} s (sequences); analyzing`);
    await analyze(pool);
    const want = expected(n);

    await checkpoint(pool);
    log('B6: raw aggregates (one bare query)');
    const raw = await timed(() => pool.query(RAW_SQL, [MONTH.start, MONTH.end]));
    await checkpoint(pool);
    log('B6: monthly report 2026-03');
    const generated = await timed(() => createReportGenerator(pool).generate(MONTH));
    const { report, files } = generated.result;
    const s = report.summary;
    const rawTotal = raw.result.rows.find((r) => r.k1 === null && r.k2 === null && r.step === null);
    const rawSteps = raw.result.rows.filter((r) => r.step !== null).map((r) => ({ sequence_name: r.k2, step_number: r.step, emails_sent: Number(r.sent), emails_replied: Number(r.replied) }));
    const pct = (a, b) => (b === 0 ? 0 : Math.round((10_000 * a) / b) / 100);
    const checks = [
      check('cohort started', want.started, s.total_sequences_started),
      check('cohort qualified', want.qualified, s.leads_qualified),
      check('emails sent (bounced apart)', [want.sent, want.bounced], [s.emails_sent, s.emails_bounced]),
      check('opened, clicked, replied', [want.opened, want.clicked, want.replied], [s.emails_opened, s.emails_clicked, s.emails_replied]),
      check('reply_rate_pct', pct(want.replied, want.sent), s.reply_rate_pct),
      check('avg_days_to_qualify', want.qualified > 0 ? 3 : null, s.avg_days_to_qualify),
      check('31 days, their starts summing to the cohort', [31, want.started], [report.daily.length, report.daily.reduce((a, d) => a + d.total_sequences_started, 0)]),
      check('top templates', Math.min(5, TEMPLATES), report.top_templates.length),
      check('raw steps: emails sent in the month', want.sentInMonth, rawSteps.reduce((a, st) => a + st.emails_sent, 0)),
      check('top steps: the raw steps ranked by reply rate, sends, name, step', topOf(rawSteps, report.min_sends), report.top_steps.map(stepKey)),
      check('trends: six months', 6, report.trends.length),
      check('raw query: same cohort and sends', [want.started, want.sent], [Number(rawTotal?.started), Number(rawTotal?.sent)]),
      check('files', 6, files.length),
    ];
    return [
      {
        id: 'B6',
        name: 'B6 monthly report',
        figure: generated.seconds,
        unit: 's',
        raw: raw.seconds,
        target: { max: 10 },
        checks,
        details: { sequences: n, emails: n * STEPS, seconds: { report: generated.seconds, raw: raw.seconds } },
        note: `monthly report over ${n} sequences and ${n * STEPS} emails in ${generated.seconds.toFixed(2)} s (4 queries, files, store); raw = the same aggregates as one bare query; ratio > 1 = slower than raw`,
      },
    ];
  } finally {
    await c.drop();
  }
}
