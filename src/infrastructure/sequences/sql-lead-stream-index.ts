import type pg from 'pg';
import type { LeadStreamIndex } from '../../application/ports/lead-stream-index.js';

/** Finds a lead's streams from the event log itself (the `SequenceStarted` events), not from a
 * projection, so the history is complete even while projections lag. */
export class SqlLeadStreamIndex implements LeadStreamIndex {
  constructor(private readonly pool: pg.Pool) {}

  async streamsOfLead(leadExtId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ stream_id: string }>(
      `SELECT stream_id FROM es_events
        WHERE event_type = 'SequenceStarted' AND data ->> 'leadExtId' = $1
        ORDER BY global_position`,
      [leadExtId],
    );
    return rows.map((r) => r.stream_id);
  }
}
