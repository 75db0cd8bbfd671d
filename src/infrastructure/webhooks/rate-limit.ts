// Rate limits on the public endpoints, per client address and minute (fixed windows, in
// memory, per instance): webhooks get room for providers' bursts (NURTURE_WEBHOOK_RATE_LIMIT,
// default 60000/min: a provider batching 100 events a request can push 100,000 a second), the
// unsubscribe pages less (NURTURE_PUBLIC_RATE_LIMIT, default 120/min), /metrics a scraper's
// share (NURTURE_METRICS_RATE_LIMIT, default 60/min).
// Over the limit: 429 with Retry-After. Commands and queries are behind API keys instead.
import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';

const WINDOW_MS = 60_000;

const positive = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

@Injectable()
export class PublicRateLimit implements CanActivate {
  private readonly webhookLimit = positive(process.env.NURTURE_WEBHOOK_RATE_LIMIT, 60_000);
  private readonly pageLimit = positive(process.env.NURTURE_PUBLIC_RATE_LIMIT, 120);
  private readonly metricsLimit = positive(process.env.NURTURE_METRICS_RATE_LIMIT, 60);
  private windowStart = 0;
  private counts = new Map<string, number>();

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const now = Date.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.counts = new Map();
    }
    const [bucket, limit] = this.bucketOf(request.path);
    const key = `${bucket}:${request.ip ?? 'unknown'}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= limit) return true;
    const retryAfter = Math.ceil((this.windowStart + WINDOW_MS - now) / 1000);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new HttpException(`rate limit exceeded: try again in ${retryAfter} s`, HttpStatus.TOO_MANY_REQUESTS);
  }

  private bucketOf(path: string): [string, number] {
    if (path.startsWith('/webhooks/')) return ['w', this.webhookLimit];
    if (path === '/metrics' || path.startsWith('/metrics/')) return ['m', this.metricsLimit];
    return ['p', this.pageLimit];
  }
}
