// B6 report: seconds to generate the monthly report (`nurture report monthly`'s generator: its four
// queries, the files, storing it) over 1,000,000 sequences started in the month and their 5,000,000
// emails, generated with set-based SQL.
// Raw limit: the same aggregates as one bare SQL query (one pass over the cohort and its emails,
// GROUPING SETS for the month, the days and the templates; the steps over the emails sent in the
// month), with nothing else: no per-period join, no files, no insert.
// Correctness: the report's counts against the ones the cohort's rules define, computed in JS.
import { parsePeriod } from '../../dist/domain/reports/report-period.js';
import { createReportGenerator } from '../../dist/infrastructure/reports/create-report-generator.js';
import { cohortTallies, seedMonthCohort, STEPS, TEMPLATES } from '../lib/month-cohort.js';
import { analyze } from '../lib/seed.js';
import { check, checkpoint, log, timed } from '../lib/util.js';

const MONTH = parsePeriod('monthly', '2026-03'); // the cohort: bench/lib/month-cohort.js

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
    const seeded = await timed(() => seedMonthCohort(pool, MONTH, n));
    log(`B6: seeded in ${seeded.seconds.toFixed(1)} s; analyzing`);
    await analyze(pool);
    const want = cohortTallies(MONTH, n);

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
