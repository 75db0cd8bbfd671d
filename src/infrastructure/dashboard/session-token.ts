// The dashboard's session cookie value: `<payload>.<HMAC-SHA256>` (base64url), naming the API key's
// fingerprint, its scope and when the session ends. Nothing is stored server-side; the key is
// random per process, so a restart ends every session.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_SCOPES, type ApiScope } from '../http-api/auth/api-keys.js';

export const SESSION_COOKIE = 'nurture_session';
export const SESSION_HOURS = 12;

export interface DashboardSession {
  fingerprint: string;
  scope: ApiScope;
  /** Unix seconds after which the token is refused. */
  expires: number;
}

export class SessionTokens {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  issue(fingerprint: string, scope: ApiScope, now = Date.now()): string {
    const payload = Buffer.from(JSON.stringify({ f: fingerprint, s: scope, e: Math.floor(now / 1000) + SESSION_HOURS * 3600 })).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The session a token names; null when forged, malformed or expired. */
  verify(token: string | undefined, now = Date.now()): DashboardSession | null {
    const [payload, mac, extra] = (token ?? '').split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const { f, s, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { f: unknown; s: unknown; e: unknown };
      if (typeof f !== 'string' || !(API_SCOPES as readonly unknown[]).includes(s) || typeof e !== 'number') return null;
      if (e * 1000 <= now) return null;
      return { fingerprint: f, scope: s as ApiScope, expires: e };
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
