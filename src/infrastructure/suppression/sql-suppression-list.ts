// The suppression list in `lead_nurturing_suppressions`: looked up by its primary key (the
// trimmed, lower-case address), in one query per batch.
import type pg from 'pg';
import type { Suppression, SuppressionList, SuppressionPage } from '../../application/ports/suppression-list.js';
import { type SuppressionReason, suppressionKeyOf } from '../../domain/suppression/suppression.js';

interface SuppressionRow {
  email: string;
  reason: SuppressionReason;
  source: string | null;
  sequence_id: string | null;
  suppressed_at: Date;
  note: string | null;
}

const COLUMNS = 'email, reason, source, sequence_id, suppressed_at, note';

const toSuppression = (r: SuppressionRow): Suppression => ({
  email: r.email,
  reason: r.reason,
  source: r.source,
  sequenceId: r.sequence_id === null ? null : Number(r.sequence_id),
  suppressedAt: r.suppressed_at.toISOString(),
  note: r.note,
});

export class SqlSuppressionList implements SuppressionList {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async suppressedAmong(addresses: readonly string[]): Promise<Set<string>> {
    const keys = [...new Set(addresses.map(suppressionKeyOf))];
    if (keys.length === 0) return new Set();
    const { rows } = await this.db.query<{ email: string }>(
      `SELECT email FROM lead_nurturing_suppressions WHERE email = ANY($1::text[])`,
      [keys],
    );
    return new Set(rows.map((r) => r.email));
  }

  async add(entry: { email: string; reason: SuppressionReason; note: string | null; now: string }): Promise<{ added: boolean; suppression: Suppression }> {
    const email = suppressionKeyOf(entry.email);
    const inserted = await this.db.query<SuppressionRow>(
      `INSERT INTO lead_nurturing_suppressions (email, reason, source, sequence_id, suppressed_at, note)
       VALUES ($1, $2, 'operator', NULL, $3, $4)
       ON CONFLICT (email) DO NOTHING
       RETURNING ${COLUMNS}`,
      [email, entry.reason, entry.now, entry.note],
    );
    if (inserted.rows[0]) return { added: true, suppression: toSuppression(inserted.rows[0]) };
    const { rows } = await this.db.query<SuppressionRow>(`SELECT ${COLUMNS} FROM lead_nurturing_suppressions WHERE email = $1`, [email]);
    return { added: false, suppression: toSuppression(rows[0]!) };
  }

  async remove(email: string): Promise<boolean> {
    const { rowCount } = await this.db.query(`DELETE FROM lead_nurturing_suppressions WHERE email = $1`, [suppressionKeyOf(email)]);
    return (rowCount ?? 0) > 0;
  }

  async list({ limit, after }: { limit: number; after?: string | null }): Promise<SuppressionPage> {
    const { rows } = await this.db.query<SuppressionRow>(
      `SELECT ${COLUMNS} FROM lead_nurturing_suppressions
        WHERE $1::text IS NULL OR email > $1 ORDER BY email LIMIT $2`,
      [after ?? null, limit + 1],
    );
    const items = rows.slice(0, limit).map(toSuppression);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.email : null };
  }
}
