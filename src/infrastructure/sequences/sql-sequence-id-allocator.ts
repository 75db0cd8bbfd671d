import type pg from 'pg';
import type { SequenceIdAllocator } from '../../application/ports/sequence-id-allocator.js';

export class SqlSequenceIdAllocator implements SequenceIdAllocator {
  constructor(private readonly pool: pg.Pool) {}

  async nextSequenceId(): Promise<number> {
    const { rows } = await this.pool.query<{ id: string }>(`SELECT nextval('lead_nurturing_sequence_id_seq')::text AS id`);
    return Number(rows[0]!.id);
  }
}
