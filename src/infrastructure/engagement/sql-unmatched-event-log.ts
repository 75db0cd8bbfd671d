// Parked engagement in `lead_nurturing_unmatched_events`: the report is kept whole (as JSON) so
// a later pass can match and record it.
import type pg from 'pg';
import type { EngagementReport } from '../../application/engagement/engagement-report.js';
import type { ParkedEngagement, UnmatchedEventLog, UnmatchedEventRow } from '../../application/ports/engagement-matcher.js';
import { GAUGES_TABLE, UNMATCHED_EVENTS } from '../../projections/nurturing-read-model/gauges.js';

export class SqlUnmatchedEventLog implements UnmatchedEventLog {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async record(items: { report: EngagementReport; reason: string; metadata?: Record<string, unknown> }[], receivedAt: string): Promise<number> {
    if (items.length === 0) return 0;
    const rows = items.map(({ report: r, reason, metadata }) => ({
      source: r.source,
      provider_event_id: r.providerEventId,
      event_type: r.type,
      email: r.email ?? null,
      sequence_id: r.sequenceId ?? null,
      provider_message_id: r.providerMessageId ?? null,
      occurred_at: r.occurredAt,
      reason,
      metadata: r.metadata ?? {},
      report: r,
      delivery_metadata: metadata ?? null,
    }));
    // The /metrics gauge moves in the same statement as the rows it counts.
    const result = await this.db.query<{ parked: number }>(
      `WITH parked AS (
         INSERT INTO lead_nurturing_unmatched_events (source, provider_event_id, event_type, email, sequence_id, provider_message_id, occurred_at,
                                                      reason, metadata, report, delivery_metadata, received_at)
         SELECT source, provider_event_id, event_type, email, sequence_id, provider_message_id, occurred_at, reason, metadata, report, delivery_metadata, $2
           FROM jsonb_to_recordset($1::jsonb) AS x(source text, provider_event_id text, event_type text, email text, sequence_id bigint,
                                                    provider_message_id text, occurred_at timestamptz, reason text, metadata jsonb,
                                                    report jsonb, delivery_metadata jsonb)
         ON CONFLICT (source, provider_event_id) DO NOTHING
         RETURNING 1),
       counted AS (
         INSERT INTO ${GAUGES_TABLE} (name, label, value) SELECT $3, '', count(*) FROM parked HAVING count(*) > 0
         ON CONFLICT (name, label) DO UPDATE SET value = ${GAUGES_TABLE}.value + EXCLUDED.value)
       SELECT count(*)::int AS parked FROM parked`,
      [JSON.stringify(rows), receivedAt, UNMATCHED_EVENTS],
    );
    return result.rows[0]?.parked ?? 0;
  }

  async parked({ receivedSince, afterId, limit }: { receivedSince: string; afterId: number; limit: number }): Promise<ParkedEngagement[]> {
    const { rows } = await this.db.query<{ id: string; report: EngagementReport; delivery_metadata: Record<string, unknown> | null }>(
      `SELECT id, report, delivery_metadata FROM lead_nurturing_unmatched_events
        WHERE status = 'parked' AND report IS NOT NULL AND received_at >= $1 AND id > $2
        ORDER BY id LIMIT $3`,
      [receivedSince, afterId, limit],
    );
    return rows.map((r) => ({ id: Number(r.id), report: r.report, metadata: r.delivery_metadata ?? undefined }));
  }

  async settle(matched: { id: number; resolution: string }[], stillParked: number[], now: string): Promise<void> {
    if (matched.length > 0) {
      await this.db.query(
        `UPDATE lead_nurturing_unmatched_events u
            SET status = 'matched', resolution = m.resolution, resolved_at = $2, last_attempt_at = $2, attempts = u.attempts + 1
           FROM jsonb_to_recordset($1::jsonb) AS m(id bigint, resolution text)
          WHERE u.id = m.id`,
        [JSON.stringify(matched), now],
      );
    }
    if (stillParked.length > 0) {
      await this.db.query(
        `UPDATE lead_nurturing_unmatched_events SET attempts = attempts + 1, last_attempt_at = $2 WHERE id = ANY($1::bigint[])`,
        [stillParked, now],
      );
    }
  }

  async expire(receivedBefore: string, now: string): Promise<number> {
    const { rowCount } = await this.db.query(
      `UPDATE lead_nurturing_unmatched_events SET status = 'expired', resolved_at = $2
        WHERE status = 'parked' AND received_at < $1`,
      [receivedBefore, now],
    );
    return rowCount ?? 0;
  }

  async page({ limit, beforeId }: { limit: number; beforeId: number | null }): Promise<UnmatchedEventRow[]> {
    const { rows } = await this.db.query<{ row: UnmatchedEventRow }>(
      `SELECT to_jsonb(u) AS row FROM lead_nurturing_unmatched_events u
        WHERE $1::bigint IS NULL OR id < $1 ORDER BY id DESC LIMIT $2`,
      [beforeId, limit],
    );
    return rows.map((r) => r.row);
  }
}
