import type { EngagementReport } from '../engagement/engagement-report.js';

export type EngagementMatch = { sequenceId: number; step: number | null } | { unmatched: string };

/** Finds the sequence (and email step) each report is about: by our sequence id, else the
 * provider's message id of one of our sends, else the recipient's latest sequence. */
export interface EngagementMatcher {
  match(reports: readonly EngagementReport[]): Promise<EngagementMatch[]>;
}

export interface UnmatchedEventLog {
  /** Keeps the reports no sequence matched; a report already kept is ignored. Returns how many were new. */
  record(items: { report: EngagementReport; reason: string }[]): Promise<number>;
}
