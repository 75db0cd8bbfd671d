// Dashboard sessions signed out before they expired (nurture_dashboard_signouts), shared by every
// instance on the database. A request asks about its own session (one primary-key lookup); the
// stream poller asks about all its open streams at once.
import type pg from 'pg';

/** Expired rows deleted by one sign-out at most: the table is cleaned a little at a time. */
export const EXPIRED_ROWS_PER_SIGN_OUT = 100;

export class SqlSignedOutSessions {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  /** Records `id` as signed out until `expiresAt`, and deletes a few rows already past theirs. */
  async signOut(id: string, expiresAt: Date, now: Date = new Date()): Promise<void> {
    await this.db.query(
      `WITH expired AS (
         DELETE FROM nurture_dashboard_signouts
          WHERE session_id IN (SELECT session_id FROM nurture_dashboard_signouts WHERE expires_at <= $3 LIMIT $4)
       )
       INSERT INTO nurture_dashboard_signouts (session_id, expires_at) VALUES ($1, $2)
       ON CONFLICT (session_id) DO NOTHING`,
      [id, expiresAt, now, EXPIRED_ROWS_PER_SIGN_OUT],
    );
  }

  async isSignedOut(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query(`SELECT 1 FROM nurture_dashboard_signouts WHERE session_id = $1`, [id]);
    return (rowCount ?? 0) > 0;
  }

  /** Those of `ids` that signed out. */
  async signedOutAmong(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await this.db.query<{ session_id: string }>(`SELECT session_id FROM nurture_dashboard_signouts WHERE session_id = ANY($1::text[])`, [ids]);
    return new Set(rows.map((row) => row.session_id));
  }
}
