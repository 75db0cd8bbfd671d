// The gauges and the health check in SQL. A gauge read is a handful of rows: the counts kept in
// nurture_gauges, the log head from its primary key's index, the checkpoints.
import type pg from 'pg';
import type { DatabaseHealth, GaugeSample, OperationsReadModel } from '../../application/queries/read-side/operations-read-model.port.js';
import { SEQUENCES_BY_STATUS, UNMATCHED_EVENTS } from '../../projections/nurturing-read-model/gauges.js';
import type { Database } from '../database/database.js';

export class SqlOperationsReadModel implements OperationsReadModel {
  constructor(private readonly db: Pick<Database, 'mode'> & { pool: Pick<pg.Pool, 'query'> }) {}

  async gauges(): Promise<GaugeSample[]> {
    // max(global_position) is one step down the primary key's index, not a scan.
    const { rows } = await this.db.pool.query<{ name: GaugeSample['name']; label: string; value: string }>(
      `SELECT CASE name WHEN $1 THEN 'nurture_sequences' WHEN $2 THEN 'nurture_unmatched_events' END AS name, label, value::text
         FROM nurture_gauges WHERE name IN ($1, $2)
       UNION ALL
       SELECT 'nurture_event_log_head', '', coalesce(max(global_position), 0)::text FROM es_events
       UNION ALL
       SELECT 'nurture_projection_position', name, global_position::text FROM nurture_projection_checkpoints`,
      [SEQUENCES_BY_STATUS, UNMATCHED_EVENTS],
    );
    return rows.map((r) => ({ name: r.name, label: r.label, value: Number(r.value) }));
  }

  async health(): Promise<DatabaseHealth> {
    try {
      await this.db.pool.query('SELECT 1 FROM es_events LIMIT 1');
      return { ok: true, mode: this.db.mode };
    } catch (error) {
      return { ok: false, error };
    }
  }
}
