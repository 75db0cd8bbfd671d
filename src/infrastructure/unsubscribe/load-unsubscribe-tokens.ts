// The unsubscribe-link key: NURTURE_UNSUBSCRIBE_SECRET, or one generated once and kept in the
// database, so links keep working across restarts and instances with nothing configured.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { UnsubscribeTokens } from './unsubscribe-tokens.js';

export function publicUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.NURTURE_PUBLIC_URL || `http://localhost:${env.PORT || 3000}`;
}

export async function loadUnsubscribeTokens(db: Pick<pg.Pool, 'query'>, env: NodeJS.ProcessEnv = process.env): Promise<UnsubscribeTokens> {
  const configured = env.NURTURE_UNSUBSCRIBE_SECRET;
  if (configured) return new UnsubscribeTokens(Buffer.from(configured, 'utf8'), publicUrlFromEnv(env));
  await db.query(`INSERT INTO nurture_settings (name, value) VALUES ('unsubscribe_secret', $1) ON CONFLICT (name) DO NOTHING`, [
    randomBytes(32).toString('base64url'),
  ]);
  const { rows } = await db.query<{ value: string }>(`SELECT value FROM nurture_settings WHERE name = 'unsubscribe_secret'`);
  return new UnsubscribeTokens(Buffer.from(rows[0]!.value, 'utf8'), publicUrlFromEnv(env));
}
