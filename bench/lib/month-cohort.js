// A month's cohort written straight into the read side with set-based SQL (B6, B7): n sequences
// started over the month and their 5 emails each, and the tallies the same rules give in JS.
//
// Sequence i (1..n) starts at start + (i - 1) * (end - start) / n; template i % 20. Its email k
// (1..5) is sent 2 (k - 1) days after the start (the last ones after the month), bounced when
// (i + k) % 40 = 0, else sent and delivered; a sent email is opened when i·k % 3 = 0, clicked when
// i·k % 7 = 0, replied when (i + k) % 11 = 0 (a bounced one never is). Status, in this order:
// stopped (bounced) when one of its emails bounced (i % 40 ≥ 35), qualified 3 days after the start
// when i % 10 = 0, paused (inactive) when i % 10 = 1, completed when i % 10 is 2 or 3, else active
// with its next send 10 days after the start.
export const STEPS = 5;
export const TEMPLATES = 20;

/** Statuses by i: `statusOf` mirrors the CASE in SEQUENCES_SQL. */
export const statusOf = (i) => (i % 40 >= 35 ? 'stopped' : i % 10 === 0 ? 'qualified' : i % 10 === 1 ? 'paused' : i % 10 === 2 || i % 10 === 3 ? 'completed' : 'active');

// $1 start, $2 end (exclusive), $3 n.
export const SEQUENCES_SQL = `
INSERT INTO lead_nurturing_sequences (id, lead_ext_id, email, sequence_name, total_steps, status, started_at, next_send_at, qualified_at,
                                      paused_at, pause_reason, completed_at, stopped_at, stop_reason, stream_revision, last_event_at)
SELECT i, 'lead-' || i, 'lead-' || i || '@example.com', 'Template ' || (i % ${TEMPLATES}), ${STEPS}, status, st,
       CASE WHEN status = 'active' THEN st + interval '10 days' END,
       CASE WHEN status = 'qualified' THEN st + interval '3 days' END,
       CASE WHEN status = 'paused' THEN st + interval '9 days' END, CASE WHEN status = 'paused' THEN 'inactive' END,
       CASE WHEN status = 'completed' THEN st + interval '8 days' END,
       CASE WHEN status = 'stopped' THEN st + interval '8 days' END, CASE WHEN status = 'stopped' THEN 'bounced' END,
       0, st
  FROM (SELECT i, st,
               CASE WHEN i % 40 >= 35 THEN 'stopped' WHEN i % 10 = 0 THEN 'qualified' WHEN i % 10 = 1 THEN 'paused'
                    WHEN i % 10 IN (2, 3) THEN 'completed' ELSE 'active' END AS status
          FROM (SELECT i, $1::timestamptz + (i - 1) * (($2::timestamptz - $1::timestamptz) / $3::int) AS st
                  FROM generate_series(1, $3::int) AS i) g) s`;

export const EMAILS_SQL = `
INSERT INTO lead_nurturing_events (id, sequence_id, lead_ext_id, email, step_number, status, sent_at, delivered_at, opened_at, clicked_at, replied_at, bounced_at, last_event_at)
SELECT gen_random_uuid(), s.id, s.lead_ext_id, s.email, k, CASE WHEN bounced THEN 'bounced' ELSE 'sent' END, at,
       CASE WHEN NOT bounced THEN at END, CASE WHEN NOT bounced AND s.id * k % 3 = 0 THEN at END,
       CASE WHEN NOT bounced AND s.id * k % 7 = 0 THEN at END, CASE WHEN NOT bounced AND (s.id + k) % 11 = 0 THEN at END,
       CASE WHEN bounced THEN at END, at
  FROM lead_nurturing_sequences s, generate_series(1, ${STEPS}) AS k,
       LATERAL (SELECT s.started_at + (k - 1) * interval '2 days' AS at, (s.id + k) % 40 = 0 AS bounced) a`;

/** Writes the cohort of `n` sequences started in [start, end). */
export async function seedMonthCohort(pool, { start, end }, n) {
  await pool.query(SEQUENCES_SQL, [start, end, n]);
  await pool.query(EMAILS_SQL);
}

/** What the rules above give, counted in JS: emails (every one was sent, so the projection's
 * total_emails_sent), bounced, sent (not bounced), opened, clicked, replied, sentInMonth (sent
 * before `end`), and the sequences by status. */
export function cohortTallies({ start, end }, n) {
  const monthMs = Date.parse(end) - Date.parse(start);
  const e = { started: n, qualified: 0, emails: 0, sent: 0, bounced: 0, opened: 0, clicked: 0, replied: 0, sentInMonth: 0, byStatus: {} };
  for (let i = 1; i <= n; i++) {
    if (i % 10 === 0) e.qualified += 1;
    const status = statusOf(i);
    e.byStatus[status] = (e.byStatus[status] ?? 0) + 1;
    const startOffset = Math.floor(((i - 1) * monthMs) / n);
    for (let k = 1; k <= STEPS; k++) {
      e.emails += 1;
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

/** The sequences started on each UTC day (YYYY-MM-DD), as the metrics view groups them. */
export function startsByDay({ start, end }, n) {
  const t0 = Date.parse(start);
  const monthMs = Date.parse(end) - t0;
  const days = new Map();
  for (let i = 1; i <= n; i++) {
    const day = new Date(t0 + Math.floor(((i - 1) * monthMs) / n)).toISOString().slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}
