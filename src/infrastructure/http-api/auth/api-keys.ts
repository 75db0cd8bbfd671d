// API keys for commands and queries: `NURTURE_API_KEYS` (comma-separated), compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

export const API_KEYS_ENV = 'NURTURE_API_KEYS';

export function configuredApiKeys(env: NodeJS.ProcessEnv): string[] {
  return (env[API_KEYS_ENV] ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/** The key of `Authorization: Bearer <key>`; null when the header is absent or another scheme. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** The configured key that equals `presented`, or null. Both sides are hashed to one length and
 * every key is compared, so the time taken tells nothing about any key. */
export function matchApiKey(presented: string, keys: readonly string[]): string | null {
  const digest = sha256(presented);
  let match: string | null = null;
  for (const key of keys) {
    if (timingSafeEqual(digest, sha256(key)) && match === null) match = key;
  }
  return match;
}

/** A key's public name for audit metadata (never the key itself). */
export const keyFingerprint = (key: string): string => `sha256:${sha256(key).toString('hex').slice(0, 12)}`;
