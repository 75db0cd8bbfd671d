// The SQL of a report's figures, as printed in the report (Report.sql). Every cohort query has the
// same shape: the cohort's sequences (materialised once), their counts by a key, their emails'
// counts by the same key, joined; the figures' formulas are the metrics view's.

/** The figures of a cohort from `q` (sequences by key) and `m` (emails by key). */
const FIGURES = `coalesce(q.started, 0)::int AS total_sequences_started,
       coalesce(q.qualified, 0)::int AS leads_qualified,
       CASE WHEN coalesce(q.started, 0) = 0 THEN 0
            ELSE round(100.0 * q.qualified / q.started, 2) END::float8 AS conversion_rate_pct,
       coalesce(m.sent, 0)::int AS emails_sent,
       coalesce(m.delivered, 0)::int AS emails_delivered,
       coalesce(m.bounced, 0)::int AS emails_bounced,
       coalesce(m.opened, 0)::int AS emails_opened,
       coalesce(m.clicked, 0)::int AS emails_clicked,
       coalesce(m.replied, 0)::int AS emails_replied,
       CASE WHEN coalesce(m.sent, 0) = 0 THEN 0 ELSE round(100.0 * m.opened / m.sent, 2) END::float8 AS open_rate_pct,
       CASE WHEN coalesce(m.sent, 0) = 0 THEN 0 ELSE round(100.0 * m.clicked / m.sent, 2) END::float8 AS click_rate_pct,
       CASE WHEN coalesce(m.sent, 0) = 0 THEN 0 ELSE round(100.0 * m.replied / m.sent, 2) END::float8 AS reply_rate_pct,
       q.avg_days_to_qualify::float8 AS avg_days_to_qualify`;

/** `cohort` must have columns key, id, started_at, qualified_at. */
const COUNTS_BY_KEY = `sequences AS (
    SELECT key,
           count(*) AS started,
           count(qualified_at) AS qualified,
           round(avg(extract(epoch FROM qualified_at - started_at) / 86400), 2) AS avg_days_to_qualify
      FROM cohort
     GROUP BY key
),
emails AS (
    -- 'sent' as the metrics view counts it; bounced emails are counted apart, never as sent.
    SELECT c.key,
           count(*) FILTER (WHERE e.status = 'sent') AS sent,
           count(*) FILTER (WHERE e.status = 'sent' AND e.delivered_at IS NOT NULL) AS delivered,
           count(*) FILTER (WHERE e.status = 'bounced') AS bounced,
           count(*) FILTER (WHERE e.status = 'sent' AND e.opened_at IS NOT NULL) AS opened,
           count(*) FILTER (WHERE e.status = 'sent' AND e.clicked_at IS NOT NULL) AS clicked,
           count(*) FILTER (WHERE e.status = 'sent' AND e.replied_at IS NOT NULL) AS replied
      FROM cohort c
      JOIN lead_nurturing_events e ON e.sequence_id = c.id
     WHERE e.status IN ('sent', 'bounced')
     GROUP BY c.key
)`;

/** $1 labels, $2 starts, $3 ends: one row per period, in the order given. */
export const COHORTS_SQL = `WITH periods AS (
    SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS p(label, start_at, end_at, n)
),
cohort AS (
    SELECT p.label AS key, s.id, s.started_at, s.qualified_at
      FROM periods p
      JOIN lead_nurturing_sequences s ON s.started_at >= p.start_at AND s.started_at < p.end_at
),
${COUNTS_BY_KEY}
SELECT p.label AS key,
       ${FIGURES}
  FROM periods p
  LEFT JOIN sequences q ON q.key = p.label
  LEFT JOIN emails m ON m.key = p.label
 ORDER BY p.n`;

/** $1 start, $2 end: one row per UTC day of [start, end). */
export const DAILY_SQL = `WITH days AS (
    SELECT d::date AS day
      FROM generate_series($1::timestamptz AT TIME ZONE 'UTC', ($2::timestamptz AT TIME ZONE 'UTC') - interval '1 day', interval '1 day') AS d
),
cohort AS (
    SELECT (s.started_at AT TIME ZONE 'UTC')::date AS key, s.id, s.started_at, s.qualified_at
      FROM lead_nurturing_sequences s
     WHERE s.started_at >= $1 AND s.started_at < $2
),
${COUNTS_BY_KEY}
SELECT d.day::text AS key,
       ${FIGURES}
  FROM days d
  LEFT JOIN sequences q ON q.key = d.day
  LEFT JOIN emails m ON m.key = d.day
 ORDER BY d.day`;

/** $1 start, $2 end, $3 how many. */
export const TOP_TEMPLATES_SQL = `WITH cohort AS (
    SELECT s.sequence_name AS key, s.id, s.started_at, s.qualified_at
      FROM lead_nurturing_sequences s
     WHERE s.started_at >= $1 AND s.started_at < $2
),
${COUNTS_BY_KEY}
SELECT q.key AS key,
       ${FIGURES}
  FROM sequences q
  LEFT JOIN emails m ON m.key = q.key
 ORDER BY conversion_rate_pct DESC, total_sequences_started DESC, q.key COLLATE "C"
 LIMIT $3`;

/** $1 start, $2 end, $3 report_min_sends, $4 how many ranked. Ranked steps first (position 1..$4),
 * then the steps with too few sends (position null). */
export const TOP_STEPS_SQL = `WITH steps AS (
    SELECT s.sequence_name, e.step_number,
           count(*) AS sent, count(e.opened_at) AS opened, count(e.clicked_at) AS clicked, count(e.replied_at) AS replied
      FROM lead_nurturing_events e
      JOIN lead_nurturing_sequences s ON s.id = e.sequence_id
     WHERE e.status = 'sent' AND e.sent_at >= $1 AND e.sent_at < $2
     GROUP BY s.sequence_name, e.step_number
),
rated AS (
    SELECT steps.*, round(100.0 * replied / sent, 2) AS reply_rate_pct, sent >= $3 AS ranked
      FROM steps
),
placed AS (
    SELECT rated.*,
           CASE WHEN ranked THEN row_number() OVER (PARTITION BY ranked ORDER BY reply_rate_pct DESC, sent DESC, sequence_name COLLATE "C", step_number) END AS position
      FROM rated
)
SELECT sequence_name, step_number, sent::int AS emails_sent, opened::int AS emails_opened, clicked::int AS emails_clicked,
       replied::int AS emails_replied, reply_rate_pct::float8 AS reply_rate_pct, position::int AS position
  FROM placed
 WHERE NOT ranked OR position <= $4
 ORDER BY ranked DESC, position, sent DESC, sequence_name COLLATE "C", step_number`;
