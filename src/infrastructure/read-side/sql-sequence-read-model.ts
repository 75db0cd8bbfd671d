// The sequence queries of the HTTP API, on the projected read tables.
import type pg from 'pg';
import type {
  EngagementSummaryRow,
  SequenceEmailRow,
  SequenceFilter,
  SequenceReadModel,
  SequenceRow,
} from '../../application/queries/read-side/sequence-read-model.port.js';
import { jsonRow } from './json-row.js';

const INT8 = ['id', 'sequence_id', 'stream_revision'];

export class SqlSequenceReadModel implements SequenceReadModel {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async listSequences(f: SequenceFilter): Promise<SequenceRow[]> {
    const values: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown): string => `$${values.push(value)}`;
    if (f.status !== undefined) where.push(`status = ${param(f.status)}`);
    if (f.leadExtId !== undefined) where.push(`lead_ext_id = ${param(f.leadExtId)}`);
    if (f.template !== undefined) {
      const p = param(f.template);
      where.push(`(sequence_name = ${p} OR template_id::text = ${p})`);
    }
    if (f.afterId !== undefined) where.push(`id > ${param(f.afterId)}`);
    const { rows } = await this.db.query(
      `SELECT * FROM lead_nurturing_sequences
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY id
        LIMIT ${param(f.limit)}`,
      values,
    );
    return rows.map((r) => jsonRow<SequenceRow>(r, INT8));
  }

  async findSequence(id: number): Promise<SequenceRow | null> {
    const { rows } = await this.db.query('SELECT * FROM lead_nurturing_sequences WHERE id = $1', [id]);
    return rows[0] ? jsonRow<SequenceRow>(rows[0], INT8) : null;
  }

  async emailsOf(id: number): Promise<SequenceEmailRow[]> {
    const { rows } = await this.db.query('SELECT * FROM lead_nurturing_events WHERE sequence_id = $1 ORDER BY step_number', [id]);
    return rows.map((r) => jsonRow<SequenceEmailRow>(r, INT8));
  }

  async engagementSummaryOf(id: number): Promise<EngagementSummaryRow | null> {
    const { rows } = await this.db.query('SELECT * FROM lead_nurturing_engagement_summary WHERE sequence_id = $1', [id]);
    return rows[0] ? jsonRow<EngagementSummaryRow>(rows[0], INT8) : null;
  }
}
