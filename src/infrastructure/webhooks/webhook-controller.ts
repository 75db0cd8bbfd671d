// Every webhook is one POST /webhooks/<provider> that verifies its request, maps it to engagement
// reports and hands them to EngagementIngestion; `webhookController` builds that controller from
// what differs per provider (the path, the check and the mapping). Unknown emails and sequences
// are acknowledged (2xx) so providers stop retrying; they are parked in
// lead_nurturing_unmatched_events.
import { Controller, HttpCode, Inject, type InjectionToken, Post, Req, type Type, UseGuards } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { EngagementReport } from '../../application/engagement/engagement-report.js';
import { EngagementIngestion } from '../../application/engagement/engagement-ingestion.js';
import type { MappedEvents } from './providers/index.js';
import { PublicRateLimit } from './rate-limit.js';
import { WebhookMetrics } from './webhook-metrics.js';

export interface WebhookAnswer {
  received: number;
  recorded: number;
  duplicates: number;
  unmatched: number;
  /** Events of types we do not track (e.g. SendGrid "processed"): acknowledged, ignored. */
  ignored: number;
  refused: { provider_event_id: string; reason: string }[];
}

/** What a verified request comes to: reports to ingest, with the metadata stored with their
 * events, or an answer of its own (an SNS subscription confirmation). */
export type Verified = { ingest: MappedEvents | EngagementReport[]; delivery: Record<string, unknown> } | { answer: object };

export interface WebhookEndpoint {
  /** The path under /webhooks/. */
  provider: string;
  summary: string;
  /** Dependencies `verify` is handed, in order. */
  inject?: InjectionToken[];
  /** Checks the request's signature (throwing WebhookAuthError) and maps its body. */
  verify(request: RawBodyRequest<Request>, ...deps: never[]): Promise<Verified> | Verified;
}

export function webhookController(endpoint: WebhookEndpoint): Type<unknown> {
  const extras = endpoint.inject ?? [];

  @ApiTags('webhooks')
  @Controller(`webhooks/${endpoint.provider}`)
  @UseGuards(PublicRateLimit)
  class WebhookController {
    private readonly deps: unknown[];

    constructor(
      @Inject(EngagementIngestion) private readonly ingestion: EngagementIngestion,
      @Inject(WebhookMetrics) private readonly metrics: WebhookMetrics,
      ...deps: unknown[]
    ) {
      this.deps = deps;
    }

    @Post()
    @HttpCode(200)
    @ApiOperation({ summary: endpoint.summary })
    async receive(@Req() request: RawBodyRequest<Request>): Promise<object> {
      const verified = await endpoint.verify(request, ...(this.deps as never[]));
      return 'answer' in verified ? verified.answer : this.ingest(verified.ingest, verified.delivery);
    }

    private async ingest(mapped: MappedEvents | EngagementReport[], delivery: Record<string, unknown>): Promise<WebhookAnswer> {
      const reports = Array.isArray(mapped) ? mapped : mapped.reports;
      const ignored = Array.isArray(mapped) ? 0 : mapped.skipped.length;
      const result = reports.length > 0 ? await this.ingestion.ingest({ reports, metadata: delivery }) : { recorded: 0, duplicates: 0, unmatched: 0, refused: [] };
      if (reports.length > 0) this.metrics.countOutcomes(reports[0]!.source, result);
      return {
        received: reports.length + ignored,
        recorded: result.recorded,
        duplicates: result.duplicates,
        unmatched: result.unmatched,
        ignored,
        refused: result.refused.map((r) => ({ provider_event_id: r.providerEventId, reason: r.reason })),
      };
    }
  }

  // The provider's own dependencies, after the two every webhook has.
  Reflect.defineMetadata('design:paramtypes', [EngagementIngestion, WebhookMetrics, ...extras], WebhookController);
  extras.forEach((token, i) => Inject(token)(WebhookController, undefined as never, i + 2));
  const name = `${endpoint.provider[0]!.toUpperCase()}${endpoint.provider.slice(1)}WebhookController`;
  Object.defineProperty(WebhookController, 'name', { value: name });
  return WebhookController;
}
