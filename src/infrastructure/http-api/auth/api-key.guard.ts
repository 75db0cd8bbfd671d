import { type CanActivate, type ExecutionContext, ForbiddenException, HttpException, HttpStatus, Injectable, Logger, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { API_KEYS_ENV, type ApiScope, bearerToken, configuredApiKeys, keyFingerprint, matchApiKey, scopeIncludes } from './api-keys.js';
import { KeyRateLimit, apiRateLimitFrom } from './key-rate-limit.js';

/** The request's authenticated caller, set by the guard. */
export interface AuthenticatedRequest extends Request {
  apiKeyFingerprint?: string;
  apiKeyScope?: ApiScope;
}

const REQUIRED_SCOPE = 'nurture:api-scope';

/** The scope a controller or handler needs (the handler's wins). */
export const RequiresScope = (scope: ApiScope) => SetMetadata(REQUIRED_SCOPE, scope);

/** Lets a request through only with `Authorization: Bearer <one of NURTURE_API_KEYS>` whose scope
 * includes the one the route needs (401 for no or an unknown key, 403 for too small a scope), within
 * the key's rate limit (429). The keys are read on every request, so rotating them needs no restart;
 * with none configured nothing passes. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger('ApiKeyGuard');
  private readonly limits = new KeyRateLimit();
  private reportedIgnored = '';

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    const refuse = (message: string): UnauthorizedException => {
      response.setHeader('WWW-Authenticate', 'Bearer realm="lead-nurturing"');
      return new UnauthorizedException(message);
    };
    const { keys, ignored } = configuredApiKeys(process.env);
    this.reportIgnored(ignored);
    if (keys.length === 0) throw refuse(`no API keys configured (set ${API_KEYS_ENV})`);
    const presented = bearerToken(request.headers.authorization);
    if (presented === null) throw refuse('missing API key: send the header "Authorization: Bearer <key>"');
    const key = matchApiKey(presented, keys);
    if (key === null) throw refuse('invalid API key');
    const fingerprint = keyFingerprint(key.key);
    const needed = this.reflector.getAllAndOverride<ApiScope | undefined>(REQUIRED_SCOPE, [context.getHandler(), context.getClass()]) ?? 'admin';
    if (!scopeIncludes(key.scope, needed)) {
      throw new ForbiddenException(`this API key has the "${key.scope}" scope; ${request.method} ${request.route?.path ?? request.path} needs the "${needed}" scope`);
    }
    const retryAfter = this.limits.take(fingerprint, apiRateLimitFrom(process.env));
    if (retryAfter !== null) {
      response.setHeader('Retry-After', String(retryAfter));
      throw new HttpException(`rate limit of this API key exceeded: try again in ${retryAfter} s`, HttpStatus.TOO_MANY_REQUESTS);
    }
    request.apiKeyFingerprint = fingerprint;
    request.apiKeyScope = key.scope;
    return true;
  }

  private reportIgnored(ignored: string[]): void {
    const text = ignored.join('; ');
    if (text === this.reportedIgnored) return;
    this.reportedIgnored = text;
    if (text) this.logger.warn(`${API_KEYS_ENV}: ignored ${text}`);
  }
}
