import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { DashboardSessions } from './dashboard-sessions.js';

/** 401 unless the request carries a valid dashboard session (see DashboardSessions). */
@Injectable()
export class DashboardSessionGuard implements CanActivate {
  constructor(private readonly sessions: DashboardSessions) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.sessions.sessionOf(context.switchToHttp().getRequest<Request>())) return true;
    throw new UnauthorizedException({ message: 'sign in at /dashboard/sign-in', field: 'nurture_session' });
  }
}
