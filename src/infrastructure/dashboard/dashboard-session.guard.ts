import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { DashboardSessions } from './dashboard-sessions.js';
import type { DashboardSession } from './session-token.js';

/** A request the guard let through, with the session it found. */
export interface SignedInRequest extends Request {
  dashboardSession: DashboardSession;
}

/** 401 unless the request carries a valid dashboard session (see DashboardSessions). */
@Injectable()
export class DashboardSessionGuard implements CanActivate {
  constructor(private readonly sessions: DashboardSessions) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const session = await this.sessions.sessionOf(request);
    if (!session) throw new UnauthorizedException({ message: 'sign in at /dashboard/sign-in', field: 'nurture_session' });
    (request as SignedInRequest).dashboardSession = session;
    return true;
  }
}
