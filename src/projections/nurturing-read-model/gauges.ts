// The counts /metrics reports, kept in `nurture_gauges` by the writes that change them, so a
// scrape reads a few rows instead of counting the read tables.
import type { SqlClient } from '../../application/ports/sql-session.js';
import type { SequenceRow } from './rows.js';

export const GAUGES_TABLE = 'nurture_gauges';
export const SEQUENCES_BY_STATUS = 'sequences_by_status';
export const UNMATCHED_EVENTS = 'unmatched_events';

/** Moves sequences_by_status by what writing `sequences` into `table` changes: minus the
 * statuses their rows have now, plus theirs. Call just before writing them, in the same
 * transaction (the projector's checkpoint lock makes it the only writer of those rows). */
export async function moveStatusGauge(client: SqlClient, table: string, sequences: readonly SequenceRow[]): Promise<void> {
  if (sequences.length === 0) return;
  const after: Record<string, number> = {};
  for (const s of sequences) after[s.status] = (after[s.status] ?? 0) + 1;
  await client.query(
    `WITH before AS (SELECT status, count(*) AS n FROM ${table} WHERE id = ANY($1::bigint[]) GROUP BY status),
          after AS (SELECT key AS status, value::bigint AS n FROM jsonb_each_text($2::jsonb)),
          delta AS (SELECT status, sum(n)::bigint AS n
                      FROM (SELECT status, n FROM after UNION ALL SELECT status, -n FROM before) AS d GROUP BY status)
     INSERT INTO ${GAUGES_TABLE} (name, label, value) SELECT $3, status, n FROM delta WHERE n <> 0
     ON CONFLICT (name, label) DO UPDATE SET value = ${GAUGES_TABLE}.value + EXCLUDED.value`,
    [sequences.map((s) => s.id), JSON.stringify(after), SEQUENCES_BY_STATUS],
  );
}

/** Sets every gauge to the count of the rows it counts (after a rebuild). The gauges' rows are
 * locked first, so an increment in flight either lands before the count or after it. */
export async function recountGauges(client: SqlClient): Promise<void> {
  await client.query(`UPDATE ${GAUGES_TABLE} SET value = 0 WHERE name IN ($1, $2)`, [SEQUENCES_BY_STATUS, UNMATCHED_EVENTS]);
  await client.query(
    `INSERT INTO ${GAUGES_TABLE} (name, label, value)
       SELECT $1, status, count(*) FROM lead_nurturing_sequences GROUP BY status
       UNION ALL
       SELECT $2, '', count(*) FROM lead_nurturing_unmatched_events
     ON CONFLICT (name, label) DO UPDATE SET value = EXCLUDED.value`,
    [SEQUENCES_BY_STATUS, UNMATCHED_EVENTS],
  );
}
