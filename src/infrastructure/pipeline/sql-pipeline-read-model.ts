// The pipeline's questions to the read side, each one set-based statement.
import type pg from 'pg';
import type { AddressEmails, ConversionTotals, PipelineReadModel } from '../../application/ports/pipeline-read-model.js';
import { AUTO_PAUSABLE_STATUS } from '../../domain/sequence/decide.js';
import { QUALIFIABLE_STATUSES } from '../../domain/sequence/qualification.js';

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

  async recentlySentEmails(since: string, until: string, afterAddress: string | null, limit: number): Promise<AddressEmails[]> {
    // One page of addresses, then every email of the window sent to them (the specification's
    // troubleshooting query: status 'sent', sent_at within the window). Both scans use
    // lead_nurturing_events_status_sent_at_idx.
    const { rows } = await this.db.query<{ address: string; sequence_id: string; step_number: number; sent_at: Date; opened: boolean; clicked: boolean; replied: boolean }>(
      `WITH window_emails AS (
         SELECT lower(btrim(email)) AS address, sequence_id, step_number, sent_at,
                opened_at IS NOT NULL AS opened, clicked_at IS NOT NULL AS clicked, replied_at IS NOT NULL AS replied
           FROM lead_nurturing_events
          WHERE status = 'sent' AND sent_at >= $1 AND sent_at <= $2
       ), addresses AS (
         SELECT DISTINCT address FROM window_emails
          WHERE $3::text IS NULL OR address > $3::text
          ORDER BY address LIMIT $4
       )
       SELECT w.* FROM window_emails w JOIN addresses USING (address)
        ORDER BY w.address, w.sequence_id, w.step_number`,
      [since, until, afterAddress, limit],
    );
    const out: AddressEmails[] = [];
    for (const r of rows) {
      if (out.at(-1)?.address !== r.address) out.push({ address: r.address, emails: [] });
      out.at(-1)!.emails.push({
        sequenceId: Number(r.sequence_id),
        step: r.step_number,
        sentAt: r.sent_at.toISOString(),
        opened: r.opened,
        clicked: r.clicked,
        replied: r.replied,
      });
    }
    return out;
  }

  /** A superset of the sequences `qualification` qualifies (held to it by test/read-side/prefilters-agree.test.ts). */
  async qualificationCandidates(minScore: number): Promise<number[]> {
    return this.ids(
      `SELECT s.id FROM lead_nurturing_sequences s
         JOIN lead_nurturing_engagement_summary e ON e.sequence_id = s.id
        WHERE s.status = ANY($2::text[]) AND s.total_score >= $1
          AND e.total_clicks + e.total_replies > 0
        ORDER BY s.id`,
      [minScore, QUALIFIABLE_STATUSES],
    );
  }

  /** A superset of the sequences `PauseIfInactive` pauses (the aggregate also counts a resume). */
  async inactiveSequenceIds(quietSince: string): Promise<number[]> {
    return this.ids(
      `SELECT id FROM lead_nurturing_sequences
        WHERE status = $2 AND greatest(started_at, coalesce(last_engagement_at, started_at)) <= $1
        ORDER BY id`,
      [quietSince, AUTO_PAUSABLE_STATUS],
    );
  }

  async refreshConversionMetrics(): Promise<void> {
    await this.db.query('REFRESH MATERIALIZED VIEW CONCURRENTLY mv_nurturing_conversion_metrics');
  }

  async conversionTotals(from: string, to: string): Promise<ConversionTotals> {
    const { rows } = await this.db.query<{ started: number; qualified: number; sent: number }>(
      `SELECT coalesce(sum(total_sequences_started), 0)::integer AS started,
              coalesce(sum(leads_qualified), 0)::integer AS qualified,
              coalesce(sum(emails_sent), 0)::integer AS sent
       FROM mv_nurturing_conversion_metrics
       WHERE date BETWEEN $1::date AND $2::date`,
      [from, to],
    );
    const { started, qualified, sent } = rows[0]!;
    const conversion = started === 0 ? 0 : Math.round((10_000 * qualified) / started) / 100;
    return { from, to, total_sequences_started: started, leads_qualified: qualified, conversion_rate_pct: conversion, emails_sent: sent };
  }

  private async ids(sql: string, values: unknown[]): Promise<number[]> {
    const { rows } = await this.db.query<{ id: string }>(sql, values);
    return rows.map((r) => Number(r.id));
  }
}
