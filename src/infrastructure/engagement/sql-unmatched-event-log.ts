import type pg from 'pg';
import type { EngagementReport } from '../../application/engagement/engagement-report.js';
import type { UnmatchedEventLog } from '../../application/ports/engagement-matcher.js';

export class SqlUnmatchedEventLog implements UnmatchedEventLog {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async record(items: { report: EngagementReport; reason: string }[]): Promise<number> {
    if (items.length === 0) return 0;
    const rows = items.map(({ report: r, reason }) => ({
      source: r.source,
      provider_event_id: r.providerEventId,
      event_type: r.type,
      email: r.email ?? null,
      sequence_id: r.sequenceId ?? null,
      provider_message_id: r.providerMessageId ?? null,
      occurred_at: r.occurredAt,
      reason,
      metadata: r.metadata ?? {},
    }));
    const result = await this.db.query(
      `INSERT INTO lead_nurturing_unmatched_events (source, provider_event_id, event_type, email, sequence_id, provider_message_id, occurred_at, reason, metadata)
       SELECT source, provider_event_id, event_type, email, sequence_id, provider_message_id, occurred_at, reason, metadata
         FROM jsonb_to_recordset($1::jsonb) AS x(source text, provider_event_id text, event_type text, email text, sequence_id bigint,
                                                  provider_message_id text, occurred_at timestamptz, reason text, metadata jsonb)
       ON CONFLICT (source, provider_event_id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
    return result.rowCount ?? 0;
  }
}
