import type pg from 'pg';
import type { SequenceIdAllocator } from '../../application/ports/sequence-id-allocator.js';

export class SqlSequenceIdAllocator implements SequenceIdAllocator {
  constructor(private readonly pool: pg.Pool) {}

  async nextSequenceId(): Promise<number> {
    return (await this.nextSequenceIds(1))[0]!;
  }

  async peekNextSequenceId(): Promise<number> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT (CASE WHEN is_called THEN last_value + 1 ELSE last_value END)::text AS id FROM lead_nurturing_sequence_id_seq`,
    );
    return Number(rows[0]!.id);
  }

  async nextSequenceIds(count: number): Promise<number[]> {
    if (count <= 0) return [];
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT nextval('lead_nurturing_sequence_id_seq')::text AS id FROM generate_series(1, $1::int)`,
      [count],
    );
    return rows.map((r) => Number(r.id));
  }
}
