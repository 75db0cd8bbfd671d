// Who a dashboard request is: its session cookie, verified, not signed out, and its key still
// configured with at least the read scope (a key removed from NURTURE_API_KEYS ends its sessions
// at the next request).
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { configuredApiKeys, keyFingerprint, matchApiKey, scopeIncludes, type ApiKey } from '../http-api/auth/api-keys.js';
import { type DashboardSession, SESSION_COOKIE, SESSION_HOURS } from './session-token.js';
import { SESSION_TOKENS, type SessionTokensSource } from './session-tokens.provider.js';
import { SqlSignedOutSessions } from './sql-signed-out-sessions.js';

const COOKIE_PATH = '/dashboard';

/** The value of cookie `name` in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

@Injectable()
export class DashboardSessions {
  constructor(
    @Inject(SESSION_TOKENS) private readonly tokens: SessionTokensSource,
    private readonly signedOut: SqlSignedOutSessions,
  ) {}

  /** The configured key equal to `presented` if it may read; null otherwise. */
  readerKey(presented: string): ApiKey | null {
    const key = presented === '' ? null : matchApiKey(presented, configuredApiKeys(process.env).keys);
    return key && scopeIncludes(key.scope, 'read') ? key : null;
  }

  /** The request's session, or null (no cookie, forged, expired, signed out, or its key no longer configured). */
  async sessionOf(request: Request): Promise<DashboardSession | null> {
    const session = await this.cookieSession(request);
    const current = session && this.stillCurrent(session);
    return current && !(await this.signedOut.isSignedOut(current.id)) ? current : null;
  }

  /** `session` as it stands now: null once expired or its key is no longer configured to read
   * (sign-outs are asked of the database separately: `signedOutAmong`). */
  stillCurrent(session: DashboardSession, now = Date.now()): DashboardSession | null {
    if (session.expires * 1000 <= now) return null;
    const still = configuredApiKeys(process.env).keys.find((k) => keyFingerprint(k.key) === session.fingerprint);
    return still && scopeIncludes(still.scope, 'read') ? { ...session, scope: still.scope } : null;
  }

  /** The ids among `ids` of sessions signed out (one query for them all). */
  signedOutAmong(ids: readonly string[]): Promise<Set<string>> {
    return this.signedOut.signedOutAmong(ids);
  }

  async open(request: Request, response: Response, key: ApiKey): Promise<void> {
    const token = (await this.tokens()).issue(keyFingerprint(key.key), key.scope);
    response.cookie(SESSION_COOKIE, token, { ...this.cookieFlags(request), maxAge: SESSION_HOURS * 3600 * 1000 });
  }

  /** Ends the request's session on every instance (a copied cookie stops working too), and clears
   * the cookie. Only a genuine, unexpired token is recorded, so the table holds at most the
   * sessions that sign-in (rate-limited) issued. */
  async close(request: Request, response: Response): Promise<void> {
    const session = await this.cookieSession(request);
    if (session) await this.signedOut.signOut(session.id, new Date(session.expires * 1000));
    response.clearCookie(SESSION_COOKIE, this.cookieFlags(request));
  }

  private async cookieSession(request: Request): Promise<DashboardSession | null> {
    const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
    return token === undefined ? null : (await this.tokens()).verify(token);
  }

  // request.secure honours X-Forwarded-Proto only from loopback (the app's trust proxy).
  private cookieFlags(request: Request) {
    return { httpOnly: true, sameSite: 'strict' as const, path: COOKIE_PATH, secure: request.secure };
  }
}
