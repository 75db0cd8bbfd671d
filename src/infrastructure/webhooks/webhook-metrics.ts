// Prometheus counters of what arrives at the public endpoints.
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { IngestResult } from '../../application/engagement/engagement-batch.js';

@Injectable()
export class WebhookMetrics {
  readonly events: Counter<'source' | 'outcome'>;
  readonly deliveries: Counter<'source' | 'status'>;

  constructor(@Inject(Registry) registry: Registry) {
    this.events = new Counter({
      name: 'nurture_engagement_events_total',
      help: 'Engagement events received, by source and outcome (recorded, duplicate, unmatched, refused).',
      labelNames: ['source', 'outcome'],
      registers: [registry],
    });
    this.deliveries = new Counter({
      name: 'nurture_webhook_requests_total',
      help: 'Webhook requests, by source and HTTP status answered.',
      labelNames: ['source', 'status'],
      registers: [registry],
    });
  }

  /** Counts what ingestion did with the reports of one source. */
  countOutcomes(source: string, result: IngestResult): void {
    this.events.inc({ source, outcome: 'recorded' }, result.recorded);
    this.events.inc({ source, outcome: 'duplicate' }, result.duplicates);
    this.events.inc({ source, outcome: 'unmatched' }, result.unmatched);
    this.events.inc({ source, outcome: 'refused' }, result.refused.length);
  }
}
