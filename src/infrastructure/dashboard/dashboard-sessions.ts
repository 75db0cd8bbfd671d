// Who a dashboard request is: its session cookie, verified, and its key still configured with at
// least the read scope (a key removed from NURTURE_API_KEYS ends its sessions at the next request).
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { configuredApiKeys, keyFingerprint, matchApiKey, scopeIncludes, type ApiKey } from '../http-api/auth/api-keys.js';
import { type DashboardSession, SESSION_COOKIE, SESSION_HOURS, SessionTokens } from './session-token.js';

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
  private readonly tokens = new SessionTokens();

  /** The configured key equal to `presented` if it may read; null otherwise. */
  readerKey(presented: string): ApiKey | null {
    const key = presented === '' ? null : matchApiKey(presented, configuredApiKeys(process.env).keys);
    return key && scopeIncludes(key.scope, 'read') ? key : null;
  }

  /** The request's session, or null (no cookie, forged, expired, or its key no longer configured). */
  sessionOf(request: Request): DashboardSession | null {
    const session = this.tokens.verify(cookieValue(request.headers.cookie, SESSION_COOKIE));
    if (!session) return null;
    const still = configuredApiKeys(process.env).keys.find((k) => keyFingerprint(k.key) === session.fingerprint);
    return still && scopeIncludes(still.scope, 'read') ? { ...session, scope: still.scope } : null;
  }

  open(request: Request, response: Response, key: ApiKey): void {
    response.cookie(SESSION_COOKIE, this.tokens.issue(keyFingerprint(key.key), key.scope), {
      ...this.cookieFlags(request),
      maxAge: SESSION_HOURS * 3600 * 1000,
    });
  }

  close(request: Request, response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.cookieFlags(request));
  }

  // request.secure honours X-Forwarded-Proto only from loopback (the app's trust proxy).
  private cookieFlags(request: Request) {
    return { httpOnly: true, sameSite: 'strict' as const, path: COOKIE_PATH, secure: request.secure };
  }
}
