// API keys for commands and queries: `NURTURE_API_KEYS="<key>[:<scope>],…"`, compared in constant time.
// A scope is read < write < admin, each including the ones before it; a key with no scope is `write`
// (what every key could do before scopes existed).
import { createHash, timingSafeEqual } from 'node:crypto';

export const API_KEYS_ENV = 'NURTURE_API_KEYS';

export const API_SCOPES = ['read', 'write', 'admin'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Whether a key of scope `held` may do what needs `needed`. */
export const scopeIncludes = (held: ApiScope, needed: ApiScope): boolean => API_SCOPES.indexOf(held) >= API_SCOPES.indexOf(needed);

export interface ApiKey {
  key: string;
  scope: ApiScope;
}

export interface ConfiguredKeys {
  keys: ApiKey[];
  /** Entries left out, with why (an unknown scope): never the key itself. */
  ignored: string[];
}

/** The keys of NURTURE_API_KEYS. An entry whose `:suffix` is not a scope is left out (and reported),
 * so a mistyped scope never grants `write` by falling back to the default. */
export function configuredApiKeys(env: NodeJS.ProcessEnv): ConfiguredKeys {
  const keys: ApiKey[] = [];
  const ignored: string[] = [];
  (env[API_KEYS_ENV] ?? '').split(',').forEach((raw, index) => {
    const entry = raw.trim();
    if (entry === '') return;
    const colon = entry.lastIndexOf(':');
    if (colon < 0) return void keys.push({ key: entry, scope: 'write' });
    const key = entry.slice(0, colon).trim();
    const scope = entry.slice(colon + 1).trim().toLowerCase();
    if (!(API_SCOPES as readonly string[]).includes(scope)) {
      ignored.push(`entry ${index + 1}: unknown scope ${JSON.stringify(scope.slice(0, 20))} (use ${API_SCOPES.join(', ')})`);
    } else if (key === '') {
      ignored.push(`entry ${index + 1}: empty key`);
    } else {
      keys.push({ key, scope: scope as ApiScope });
    }
  });
  return { keys, ignored };
}

/** The key of `Authorization: Bearer <key>`; null when the header is absent or another scheme. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** The configured key that equals `presented`, or null. Both sides are hashed to one length and
 * every key is compared, so the time taken tells nothing about any key. */
export function matchApiKey(presented: string, keys: readonly ApiKey[]): ApiKey | null {
  const digest = sha256(presented);
  let match: ApiKey | null = null;
  for (const key of keys) {
    if (timingSafeEqual(digest, sha256(key.key)) && match === null) match = key;
  }
  return match;
}

/** A key's public name for audit metadata (never the key itself). */
export const keyFingerprint = (key: string): string => `sha256:${sha256(key).toString('hex').slice(0, 12)}`;
