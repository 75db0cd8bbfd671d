import { BadRequestException } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import type { WebhookHeaders } from './providers/index.js';

/** The exact bytes the provider signed (kept by the body parsers: `rawBody: true`). */
export function rawBodyOf(request: RawBodyRequest<Request>): Buffer {
  if (!request.rawBody || request.rawBody.length === 0) throw new BadRequestException('the request has no body');
  return request.rawBody;
}

export const headersOf = (request: Request): WebhookHeaders => request.headers as WebhookHeaders;
