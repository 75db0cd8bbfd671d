// The weekly and monthly reports (the specification's "Reportes Automáticos"): what a report holds.
// Every figure is defined in `definitions` and computed by the SQL in `sql`, both printed in the
// report, so an analyst can reproduce it. Keys are snake_case: they are the metrics view's column
// names, and the report is written as JSON, CSV and HTML as it is.

import type { Period, PeriodKind } from '../../domain/reports/report-period.js';

export type ReportKind = PeriodKind;
export type ReportPeriod = Period;

/** Raw counts of a cohort (the sequences started in a period or on a day) and of its emails. */
export interface CohortCounts {
  total_sequences_started: number;
  leads_qualified: number;
  emails_sent: number;
  emails_delivered: number;
  emails_bounced: number;
  emails_opened: number;
  emails_clicked: number;
  emails_replied: number;
}

/** The counts and the rates derived from them (percentages, 2 decimals; 0 when the denominator is 0). */
export interface CohortFigures extends CohortCounts {
  /** 100 × leads_qualified ÷ total_sequences_started. */
  conversion_rate_pct: number;
  /** 100 × emails_opened ÷ emails_sent (shown, never ranks: machine opens inflate it). */
  open_rate_pct: number;
  /** 100 × emails_clicked ÷ emails_sent. */
  click_rate_pct: number;
  /** 100 × emails_replied ÷ emails_sent. */
  reply_rate_pct: number;
  /** Mean of (qualified_at − started_at) in days over the cohort's qualified sequences; null if none. */
  avg_days_to_qualify: number | null;
}

/** A headline figure this period, the previous period's, and the change (this − previous; null
 * when either is null). */
export interface Headline {
  name: 'leads_qualified' | 'conversion_rate_pct' | 'reply_rate_pct' | 'avg_days_to_qualify';
  value: number | null;
  previous: number | null;
  change: number | null;
}

export interface ReportSummary extends CohortFigures {
  /** The same keys for the previous period (the week or month before). */
  previous: CohortFigures;
  headlines: Headline[];
}

/** One UTC day of the period (every day is listed; zeros where nothing started). */
export interface DailyRow extends CohortFigures {
  /** YYYY-MM-DD */
  date: string;
}

export interface TemplateRank extends CohortFigures {
  /** The template's name as the sequences recorded it. */
  sequence_name: string;
}

/** A step of a template, over the emails sent in the period. */
export interface StepRank {
  sequence_name: string;
  step_number: number;
  emails_sent: number;
  emails_opened: number;
  emails_clicked: number;
  emails_replied: number;
  /** 100 × emails_replied ÷ emails_sent. */
  reply_rate_pct: number;
}

/** One period of a trend (monthly reports: the last 6 months, oldest first). */
export interface TrendRow extends CohortFigures {
  label: string;
}

export interface ReportDefinition {
  name: string;
  text: string;
}

/** The SQL a figure is computed with, with its parameters, as run. */
export interface ReportQuery {
  figure: string;
  sql: string;
  params: unknown[];
}

export interface Report {
  /** `weekly-2026-W48`, `monthly-2026-11`. */
  id: string;
  period: ReportPeriod;
  generated_at: string;
  summary: ReportSummary;
  daily: DailyRow[];
  /** Top 5 by conversion_rate_pct, then total_sequences_started, then sequence_name. */
  top_templates: TemplateRank[];
  /** Top 5 by reply_rate_pct among steps with at least `min_sends` emails sent in the period. */
  top_steps: StepRank[];
  /** Steps with fewer sends than `min_sends`: listed apart, not ranked. */
  steps_too_few_sends: StepRank[];
  /** `report_min_sends` in force. */
  min_sends: number;
  /** Monthly reports: the last 6 months including this one; weekly: empty. */
  trends: TrendRow[];
  definitions: ReportDefinition[];
  sql: ReportQuery[];
}
