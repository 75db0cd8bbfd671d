// The unsubscribe-link keys: NURTURE_UNSUBSCRIBE_SECRET signs (the production path), and the
// keys of NURTURE_UNSUBSCRIBE_PREVIOUS_SECRETS still verify the links already sent. With no
// secret configured, one is generated once and kept in `nurture_secrets` (see the schema: row
// level security shows its rows only to the table's owner, the service's role), so links keep
// working across restarts and instances with nothing configured, and analysts who read the
// read side never see it.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { UnsubscribeTokens } from './unsubscribe-tokens.js';

export const GENERATED_SECRET_NAME = 'unsubscribe_secret';

/** NURTURE_PUBLIC_URL as configured (undefined when unset). */
export function configuredPublicUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.NURTURE_PUBLIC_URL || undefined;
}

export function publicUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return configuredPublicUrl(env) ?? `http://localhost:${env.PORT || 3000}`;
}

/** The keys of a comma-separated list, in order, blanks dropped. */
const keyList = (value: string | undefined): Buffer[] =>
  (value ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0)
    .map((k) => Buffer.from(k, 'utf8'));

export async function loadUnsubscribeTokens(db: Pick<pg.Pool, 'query'>, env: NodeJS.ProcessEnv = process.env): Promise<UnsubscribeTokens> {
  return new UnsubscribeTokens(await loadSigningKeys(db, env), publicUrlFromEnv(env));
}

/** The service's link-signing keys, the one that signs first, then the ones that still verify. */
export async function loadSigningKeys(db: Pick<pg.Pool, 'query'>, env: NodeJS.ProcessEnv = process.env): Promise<Buffer[]> {
  const configured = env.NURTURE_UNSUBSCRIBE_SECRET;
  const signing = configured ? Buffer.from(configured, 'utf8') : await generatedKey(db);
  return [signing, ...keyList(env.NURTURE_UNSUBSCRIBE_PREVIOUS_SECRETS)];
}

async function generatedKey(db: Pick<pg.Pool, 'query'>): Promise<Buffer> {
  await db.query(`INSERT INTO nurture_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    GENERATED_SECRET_NAME,
    randomBytes(32).toString('base64url'),
  ]);
  const { rows } = await db.query<{ value: string }>(`SELECT value FROM nurture_secrets WHERE name = $1`, [GENERATED_SECRET_NAME]);
  if (!rows[0]) {
    // Row level security hides the row from a role that is not the table's owner.
    throw new Error('the generated unsubscribe key is not readable by this database role: set NURTURE_UNSUBSCRIBE_SECRET, or run as the role that ran the migrations');
  }
  return Buffer.from(rows[0].value, 'utf8');
}
