import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { API_KEYS_ENV, bearerToken, configuredApiKeys, keyFingerprint, matchApiKey } from './api-keys.js';

/** The request's authenticated caller, set by the guard. */
export interface AuthenticatedRequest extends Request {
  apiKeyFingerprint?: string;
}

/** Lets a request through only with `Authorization: Bearer <one of NURTURE_API_KEYS>`. The keys are
 * read on every request, so rotating them needs no restart; with none configured nothing passes. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const refuse = (message: string): UnauthorizedException => {
      http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="lead-nurturing"');
      return new UnauthorizedException(message);
    };
    const keys = configuredApiKeys(process.env);
    if (keys.length === 0) throw refuse(`no API keys configured (set ${API_KEYS_ENV})`);
    const presented = bearerToken(request.headers.authorization);
    if (presented === null) throw refuse('missing API key: send the header "Authorization: Bearer <key>"');
    const key = matchApiKey(presented, keys);
    if (key === null) throw refuse('invalid API key');
    request.apiKeyFingerprint = keyFingerprint(key);
    return true;
  }
}
