// GET/POST /dashboard/sign-in and POST /dashboard/sign-out: a read-scoped API key exchanged for the
// session cookie, and the session ended (on every instance) with its cookie cleared. Both POSTs must come from this host's own pages; sign-in
// attempts are rate-limited per client.
import { Controller, Get, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { dashboardLang } from './dashboard-labels.js';
import { signInPage } from './dashboard-pages.js';
import { DashboardSessions } from './dashboard-sessions.js';
import { PublicRateLimit } from '../webhooks/rate-limit.js';
import { requireSameOrigin } from './same-origin.js';

export const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

@ApiExcludeController()
@Controller('dashboard')
export class DashboardSignInController {
  constructor(private readonly sessions: DashboardSessions) {}

  @Get('sign-in')
  form(@Req() request: Request, @Res() response: Response): void {
    response.status(HttpStatus.OK).set(PAGE_HEADERS).send(signInPage(this.lang(request), false));
  }

  /** Rate-limited per client address like the other public pages (NURTURE_PUBLIC_RATE_LIMIT), so
   * keys cannot be guessed at speed. */
  @Post('sign-in')
  @UseGuards(PublicRateLimit)
  async signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    requireSameOrigin(request);
    const presented = (request.body as { api_key?: unknown } | undefined)?.api_key;
    const key = typeof presented === 'string' ? this.sessions.readerKey(presented.trim()) : null;
    const lang = this.lang(request);
    if (!key) {
      response.status(HttpStatus.UNAUTHORIZED).set(PAGE_HEADERS).send(signInPage(lang, true));
      return;
    }
    await this.sessions.open(request, response, key);
    response.redirect(HttpStatus.SEE_OTHER, `/dashboard?lang=${lang}`);
  }

  @Post('sign-out')
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    requireSameOrigin(request);
    await this.sessions.close(request, response);
    response.redirect(HttpStatus.SEE_OTHER, `/dashboard/sign-in?lang=${this.lang(request)}`);
  }

  private lang(request: Request) {
    return dashboardLang(request.query.lang, request.headers['accept-language']);
  }
}
