// CSRF check of the dashboard's POSTs, beside SameSite=Strict: the Origin (or, without it, the
// Referer) must name this very host. A POST with neither is refused.
import { ForbiddenException } from '@nestjs/common';
import type { Request } from 'express';

export function requireSameOrigin(request: Request): void {
  const source = request.headers.origin ?? request.headers.referer;
  let host: string | null = null;
  try {
    host = source && source !== 'null' ? new URL(source).host : null;
  } catch {
    host = null;
  }
  if (host === null || host !== request.headers.host) {
    throw new ForbiddenException({ message: 'cross-site request refused: Origin or Referer must be this host', field: 'origin' });
  }
}
