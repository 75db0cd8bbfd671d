import type pg from 'pg';
import type { ConversionMetricsReadModel, ConversionMetricsRow } from '../../application/queries/read-side/conversion-metrics.port.js';

export class SqlConversionMetrics implements ConversionMetricsReadModel {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async daily(range: { from?: string; to?: string }): Promise<ConversionMetricsRow[]> {
    // `date` as text: pg would turn a date into a local-midnight Date.
    const { rows } = await this.db.query<ConversionMetricsRow>(
      `SELECT date::text AS date, total_sequences_started, leads_qualified, conversion_rate_pct, emails_sent,
              open_rate_pct, click_rate_pct, reply_rate_pct, avg_days_to_qualify
         FROM mv_nurturing_conversion_metrics
        WHERE ($1::date IS NULL OR date >= $1::date) AND ($2::date IS NULL OR date <= $2::date)
        ORDER BY date`,
      [range.from ?? null, range.to ?? null],
    );
    return rows;
  }
}
