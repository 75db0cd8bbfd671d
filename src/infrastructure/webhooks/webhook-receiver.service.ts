// What every webhook does once its request is verified and mapped: ingest the reports and
// answer with what happened to them. Unknown emails and sequences are acknowledged (2xx) so
// providers stop retrying; they are kept in lead_nurturing_unmatched_events.
import { Injectable } from '@nestjs/common';
import type { EngagementReport } from '../../application/engagement/engagement-report.js';
import { EngagementIngestionService } from './engagement-ingestion.service.js';
import type { MappedEvents } from './providers/index.js';

export interface WebhookAnswer {
  received: number;
  recorded: number;
  duplicates: number;
  unmatched: number;
  /** Events of types we do not track (e.g. SendGrid "processed"): acknowledged, ignored. */
  ignored: number;
  refused: { provider_event_id: string; reason: string }[];
}

@Injectable()
export class WebhookReceiver {
  constructor(private readonly ingestion: EngagementIngestionService) {}

  async receive(mapped: MappedEvents | EngagementReport[], delivery: Record<string, unknown>): Promise<WebhookAnswer> {
    const reports = Array.isArray(mapped) ? mapped : mapped.reports;
    const ignored = Array.isArray(mapped) ? 0 : mapped.skipped.length;
    const result = reports.length > 0 ? await this.ingestion.ingest(reports, delivery) : { recorded: 0, duplicates: 0, unmatched: 0, refused: [] };
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
