// The read-side questions the pipeline asks (set-based SQL in infrastructure).

export interface PipelineReadModel {
  /** Projects everything appended so far, so the questions below see the run's own writes. */
  catchUp(): Promise<void>;
  /** Active sequences with a step due at `now`, oldest due first. */
  dueSequenceIds(now: string, limit: number): Promise<number[]>;
  /** Emails with status 'sent' whose sent_at is in [since, until], grouped by address (trimmed,
   * lower case), the addresses in order and after `afterAddress`: at most `limit` addresses. */
  recentlySentEmails(since: string, until: string, afterAddress: string | null, limit: number): Promise<AddressEmails[]>;
  /** Sequences that may have reached the threshold with a click or reply but are not qualified. */
  qualificationCandidates(minScore: number): Promise<number[]>;
  /** Active sequences with no engagement since `quietSince` (a pre-filter; the aggregate decides). */
  inactiveSequenceIds(quietSince: string): Promise<number[]>;
  refreshConversionMetrics(): Promise<void>;
  /** Totals of `mv_nurturing_conversion_metrics` over the cohorts started on the UTC days [from, to]. */
  conversionTotals(from: string, to: string): Promise<ConversionTotals>;
}

/** The cohorts started on the days [from, to] (YYYY-MM-DD, inclusive), summed. */
export interface ConversionTotals {
  from: string;
  to: string;
  total_sequences_started: number;
  leads_qualified: number;
  /** 100 × leads_qualified ÷ total_sequences_started, 2 decimals; 0 when none started. */
  conversion_rate_pct: number;
  /** The cohorts' emails with status 'sent'. */
  emails_sent: number;
}

/** One email sent to an address, and which facts its row has already. */
export interface RecentEmail {
  sequenceId: number;
  step: number;
  sentAt: string;
  opened: boolean;
  clicked: boolean;
  replied: boolean;
}

export interface AddressEmails {
  /** Trimmed, lower case. */
  address: string;
  emails: RecentEmail[];
}
