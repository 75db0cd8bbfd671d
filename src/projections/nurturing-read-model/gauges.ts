// The counts /metrics and the dashboard report, kept in `nurture_gauges` by the writes that change
// them, so a scrape or a page view reads a few rows instead of counting the read tables.
import type { SqlClient } from '../../application/ports/sql-session.js';
import type { ReadModelTables } from './read-model-tables.js';
import type { AffectedRows } from './rows.js';

export const GAUGES_TABLE = 'nurture_gauges';
export const SEQUENCES_BY_STATUS = 'sequences_by_status';
export const UNMATCHED_EVENTS = 'unmatched_events';
/** Rows of lead_nurturing_suppressions (no label): kept by the table's own triggers, since
 * operators and analysts also write the list with plain SQL. */
export const SUPPRESSIONS = 'suppressions';
/** Sums of the engagement summaries' total_emails_<outcome>, one label per outcome. */
export const EMAILS_BY_OUTCOME = 'emails_by_outcome';
export const EMAIL_OUTCOMES = ['sent', 'delivered', 'opened', 'clicked', 'replied'] as const;
export type EmailOutcome = (typeof EMAIL_OUTCOMES)[number];

const summaryColumn = (outcome: EmailOutcome) => `total_emails_${outcome}`;

/** Moves sequences_by_status and emails_by_outcome by what writing `rows` changes: minus what
 * their rows hold now, plus theirs. Call just before writing them, in the same transaction (the
 * projector's checkpoint lock makes it the only writer of those rows). One statement. */
export async function moveGauges(client: SqlClient, tables: ReadModelTables, rows: Pick<AffectedRows, 'sequences' | 'summaries'>): Promise<void> {
  if (rows.sequences.size === 0 && rows.summaries.size === 0) return;
  const after: [string, string, number][] = [];
  const statuses: Record<string, number> = {};
  for (const s of rows.sequences.values()) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  for (const [status, n] of Object.entries(statuses)) after.push([SEQUENCES_BY_STATUS, status, n]);
  for (const outcome of EMAIL_OUTCOMES) {
    let n = 0;
    for (const summary of rows.summaries.values()) n += summary[summaryColumn(outcome) as `total_emails_${EmailOutcome}`];
    after.push([EMAILS_BY_OUTCOME, outcome, n]);
  }
  await client.query(
    `WITH before AS (
            SELECT $3::text AS name, status AS label, count(*) AS n FROM ${tables.sequences} WHERE id = ANY($1::bigint[]) GROUP BY status
            UNION ALL
            SELECT $4, o.label, o.n
              FROM (SELECT ${EMAIL_OUTCOMES.map((o) => `coalesce(sum(${summaryColumn(o)}), 0) AS ${o}`).join(', ')}
                      FROM ${tables.summaries} WHERE sequence_id = ANY($2::bigint[])) AS s
             CROSS JOIN LATERAL (VALUES ${EMAIL_OUTCOMES.map((o) => `('${o}', s.${o})`).join(', ')}) AS o(label, n)),
          after AS (SELECT name, label, n FROM jsonb_to_recordset($5::jsonb) AS a(name text, label text, n bigint)),
          delta AS (SELECT name, label, sum(n)::bigint AS n
                      FROM (SELECT name, label, n FROM after UNION ALL SELECT name, label, -n FROM before) AS d GROUP BY name, label)
     INSERT INTO ${GAUGES_TABLE} (name, label, value) SELECT name, label, n FROM delta WHERE n <> 0
     ON CONFLICT (name, label) DO UPDATE SET value = ${GAUGES_TABLE}.value + EXCLUDED.value`,
    [
      [...rows.sequences.keys()],
      [...rows.summaries.keys()],
      SEQUENCES_BY_STATUS,
      EMAILS_BY_OUTCOME,
      JSON.stringify(after.map(([name, label, n]) => ({ name, label, n }))),
    ],
  );
}

/** Sets every gauge to the count of the rows it counts (after a rebuild). The gauges' rows are
 * locked first, so an increment in flight either lands before the count or after it. */
export async function recountGauges(client: SqlClient): Promise<void> {
  await client.query(`UPDATE ${GAUGES_TABLE} SET value = 0 WHERE name IN ($1, $2, $3, $4)`, [SEQUENCES_BY_STATUS, UNMATCHED_EVENTS, EMAILS_BY_OUTCOME, SUPPRESSIONS]);
  await client.query(
    `INSERT INTO ${GAUGES_TABLE} (name, label, value)
       SELECT $1, status, count(*) FROM lead_nurturing_sequences GROUP BY status
       UNION ALL
       SELECT $2, '', count(*) FROM lead_nurturing_unmatched_events
       UNION ALL
       SELECT $4, '', count(*) FROM lead_nurturing_suppressions
       UNION ALL
       SELECT $3, o.label, o.n
         FROM (SELECT ${EMAIL_OUTCOMES.map((o) => `coalesce(sum(${summaryColumn(o)}), 0) AS ${o}`).join(', ')} FROM lead_nurturing_engagement_summary) AS s
        CROSS JOIN LATERAL (VALUES ${EMAIL_OUTCOMES.map((o) => `('${o}', s.${o})`).join(', ')}) AS o(label, n)
     ON CONFLICT (name, label) DO UPDATE SET value = EXCLUDED.value`,
    [SEQUENCES_BY_STATUS, UNMATCHED_EVENTS, EMAILS_BY_OUTCOME, SUPPRESSIONS],
  );
}
