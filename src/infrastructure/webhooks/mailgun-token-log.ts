// Mailgun signs only `timestamp + token`, not the event: a token must not come back with a
// different event. A repeat of the same delivery (same token, same body) is just a retry.
import { createHash } from 'node:crypto';
import type pg from 'pg';

export type TokenUse = 'first' | 'repeat' | 'reused';

export class MailgunTokenLog {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async use(token: string, rawBody: Buffer): Promise<TokenUse> {
    const digest = createHash('sha256').update(rawBody).digest('hex');
    const inserted = await this.db.query(
      `INSERT INTO nurture_webhook_tokens (source, token, body_sha256) VALUES ('mailgun', $1, $2) ON CONFLICT DO NOTHING`,
      [token, digest],
    );
    if (Math.random() < 0.01) await this.db.query(`DELETE FROM nurture_webhook_tokens WHERE seen_at < now() - interval '1 day'`);
    if (inserted.rowCount === 1) return 'first';
    const { rows } = await this.db.query<{ body_sha256: string }>(
      `SELECT body_sha256 FROM nurture_webhook_tokens WHERE source = 'mailgun' AND token = $1`,
      [token],
    );
    return rows[0]?.body_sha256 === digest ? 'repeat' : 'reused';
  }
}
