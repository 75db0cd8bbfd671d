import type pg from 'pg';

/** Every row of a table as JSON text, in a stable order, for row-for-row comparisons. */
export async function tableSnapshot(pool: pg.Pool, table: string, orderBy: string): Promise<string[]> {
  const { rows } = await pool.query<{ r: string }>(`SELECT to_jsonb(t)::text AS r FROM ${table} t ORDER BY ${orderBy}`);
  return rows.map((r) => r.r);
}

export const READ_MODEL_ORDER: Record<string, string> = {
  lead_nurturing_sequences: 'id',
  lead_nurturing_events: 'sequence_id, step_number',
  lead_nurturing_engagement_summary: 'sequence_id',
  lead_nurturing_suppressions: 'email',
};

export async function readModelSnapshot(pool: pg.Pool): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, order] of Object.entries(READ_MODEL_ORDER)) out[table] = await tableSnapshot(pool, table, order);
  return out;
}
