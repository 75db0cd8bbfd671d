/** A row of `mv_nurturing_conversion_metrics`: the cohort of sequences started on one UTC day. */
export interface ConversionMetricsRow {
  /** YYYY-MM-DD (UTC). */
  date: string;
  total_sequences_started: number;
  leads_qualified: number;
  conversion_rate_pct: number;
  emails_sent: number;
  open_rate_pct: number;
  click_rate_pct: number;
  reply_rate_pct: number;
  avg_days_to_qualify: number | null;
}

export interface ConversionMetricsReadModel {
  /** Rows from `from` to `to` (inclusive days; either may be open), oldest first. */
  daily(range: { from?: string; to?: string }): Promise<ConversionMetricsRow[]>;
}

export const CONVERSION_METRICS_READ_MODEL = Symbol('ConversionMetricsReadModel');
