// /metrics answers only with `Authorization: Bearer $NURTURE_METRICS_TOKEN` when that is set
// (read on every request, so rotating it needs no restart); unset, it stays open, and `serve`
// warns at start.
import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { constantTimeEqual } from '../webhooks/providers/constant-time.js';

export const METRICS_TOKEN_ENV = 'NURTURE_METRICS_TOKEN';

export const metricsTokenOf = (env: NodeJS.ProcessEnv): string | null => env[METRICS_TOKEN_ENV] || null;

@Injectable()
export class MetricsTokenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const expected = metricsTokenOf(process.env);
    if (expected === null) return true;
    const http = context.switchToHttp();
    const header = http.getRequest<Request>().headers.authorization ?? '';
    const presented = /^Bearer +(\S+) *$/i.exec(header)?.[1];
    if (presented !== undefined && constantTimeEqual(presented, expected)) return true;
    http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
    throw new UnauthorizedException(presented === undefined ? 'missing token: send "Authorization: Bearer <NURTURE_METRICS_TOKEN>"' : 'invalid metrics token');
  }
}
