// The pipeline's questions to the read side, each one set-based statement.
import type pg from 'pg';
import type { PipelineReadModel } from '../../application/ports/pipeline-read-model.js';

/** What catches the read model up: a Projector, in this thread or in a worker. */
export interface CatchesUp {
  catchUp(): Promise<unknown>;
}

export class SqlPipelineReadModel implements PipelineReadModel {
  constructor(
    private readonly db: Pick<pg.Pool, 'query'>,
    private readonly projector: CatchesUp,
  ) {}

  async catchUp(): Promise<void> {
    await this.projector.catchUp();
  }

  async dueSequenceIds(now: string, limit: number): Promise<number[]> {
    return this.ids(
      `SELECT id FROM lead_nurturing_sequences
        WHERE status = 'active' AND next_send_at <= $1 AND current_step < total_steps
        ORDER BY next_send_at, id LIMIT $2`,
      [now, limit],
    );
  }

  async recentlySentSequences(since: string): Promise<{ sequenceId: number; email: string }[]> {
    const { rows } = await this.db.query<{ id: string; email: string }>(
      `SELECT id, email FROM lead_nurturing_sequences
        WHERE status IN ('active', 'paused', 'completed') AND last_sent_at >= $1
        ORDER BY id`,
      [since],
    );
    return rows.map((r) => ({ sequenceId: Number(r.id), email: r.email }));
  }

  async qualificationCandidates(minScore: number): Promise<number[]> {
    return this.ids(
      `SELECT s.id FROM lead_nurturing_sequences s
         JOIN lead_nurturing_engagement_summary e ON e.sequence_id = s.id
        WHERE s.status IN ('active', 'paused', 'completed') AND s.total_score >= $1
          AND e.total_clicks + e.total_replies > 0
        ORDER BY s.id`,
      [minScore],
    );
  }

  async inactiveSequenceIds(quietSince: string): Promise<number[]> {
    return this.ids(
      `SELECT id FROM lead_nurturing_sequences
        WHERE status = 'active' AND greatest(started_at, coalesce(last_engagement_at, started_at)) <= $1
        ORDER BY id`,
      [quietSince],
    );
  }

  async refreshConversionMetrics(): Promise<void> {
    await this.db.query('REFRESH MATERIALIZED VIEW CONCURRENTLY mv_nurturing_conversion_metrics');
  }

  private async ids(sql: string, values: unknown[]): Promise<number[]> {
    const { rows } = await this.db.query<{ id: string }>(sql, values);
    return rows.map((r) => Number(r.id));
  }
}
