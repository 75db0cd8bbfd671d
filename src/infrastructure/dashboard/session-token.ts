// The dashboard's session cookie value: `<payload>.<HMAC-SHA256>` (base64url), naming a random
// session id, the API key's fingerprint, its scope and when the session ends. The HMAC key is
// derived from the service's link-signing keys (those of the unsubscribe links, configured or kept
// in the database), so sessions survive a restart and every instance accepts every other's: the
// first key signs, the previous ones still verify during a rotation. The only thing stored is a
// session signed out before its end (nurture_dashboard_signouts, see SqlSignedOutSessions).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_SCOPES, type ApiScope } from '../http-api/auth/api-keys.js';

export const SESSION_COOKIE = 'nurture_session';
export const SESSION_HOURS = 12;
const SESSION_ID_BYTES = 16;
const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;

export interface DashboardSession {
  /** Random, base64url: what a sign-out records. */
  id: string;
  fingerprint: string;
  scope: ApiScope;
  /** Unix seconds after which the token is refused. */
  expires: number;
}

export class SessionTokens {
  private readonly keys: Buffer[];

  /** `signingKeys`: the key that signs first, then the keys that still verify. */
  constructor(signingKeys: readonly Buffer[]) {
    if (signingKeys.length === 0) throw new Error('dashboard sessions need at least one signing key');
    this.keys = signingKeys.map((key) => createHmac('sha256', key).update('lead-nurturing/dashboard-sessions').digest());
  }

  issue(fingerprint: string, scope: ApiScope, now = Date.now(), id = randomBytes(SESSION_ID_BYTES).toString('base64url')): string {
    const payload = Buffer.from(JSON.stringify({ i: id, f: fingerprint, s: scope, e: Math.floor(now / 1000) + SESSION_HOURS * 3600 })).toString('base64url');
    return `${payload}.${this.mac(this.keys[0]!, payload)}`;
  }

  /** The session a token names; null when forged, malformed, signed with an unknown key or expired. */
  verify(token: string | undefined, now = Date.now()): DashboardSession | null {
    const [payload, mac, extra] = (token ?? '').split('.');
    if (!payload || !mac || extra !== undefined || !this.genuine(payload, mac)) return null;
    try {
      const { i, f, s, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      if (typeof i !== 'string' || !SESSION_ID.test(i) || typeof f !== 'string' || !(API_SCOPES as readonly unknown[]).includes(s) || typeof e !== 'number') return null;
      if (e * 1000 <= now) return null;
      return { id: i, fingerprint: f, scope: s as ApiScope, expires: e };
    } catch {
      return null;
    }
  }

  // The MACs are compared as text: a different spelling of the same bytes is not genuine.
  private genuine(payload: string, mac: string): boolean {
    const given = Buffer.from(mac);
    let genuine = false;
    for (const key of this.keys) {
      const expected = Buffer.from(this.mac(key, payload));
      if (given.length === expected.length && timingSafeEqual(given, expected)) genuine = true;
    }
    return genuine;
  }

  private mac(key: Buffer, payload: string): string {
    return createHmac('sha256', key).update(payload).digest('base64url');
  }
}
