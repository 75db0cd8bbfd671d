// What caused a command, stored in the metadata of every event it appends (the audit trail):
// the HTTP API, the request id (X-Request-Id, else a new one) and the fingerprint of the API key.
import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';

export type Causation = Record<string, unknown> & { source: 'http'; requestId: string; apiKey: string | null };

export function causationOf(request: AuthenticatedRequest): Causation {
  const given = request.headers['x-request-id'];
  const requestId = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  return { source: 'http', requestId, apiKey: request.apiKeyFingerprint ?? null, route: `${request.method} ${request.route?.path ?? request.path}` };
}

/** Injects the request's causation metadata into a controller method. */
export const RequestCausation = createParamDecorator((_: unknown, context: ExecutionContext): Causation =>
  causationOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
