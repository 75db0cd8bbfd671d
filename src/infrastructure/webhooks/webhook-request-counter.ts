// Counts every webhook request once its answer is sent (nurture_webhook_requests_total), by
// provider path and HTTP status, refusals and rate-limited ones included. Applied to the webhook
// controllers' routes only, so the `source` label takes one of their few names.
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { WebhookMetrics } from './webhook-metrics.js';

@Injectable()
export class WebhookRequestCounter implements NestMiddleware {
  constructor(private readonly metrics: WebhookMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const source = /^\/webhooks\/([a-z]+)/.exec(request.originalUrl)?.[1] ?? 'unknown';
    response.once('finish', () => this.metrics.deliveries.inc({ source, status: String(response.statusCode) }));
    next();
  }
}
