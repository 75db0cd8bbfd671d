import type { EngagementReport } from '../engagement/engagement-report.js';

export type EngagementMatch = { sequenceId: number; step: number | null } | { unmatched: string };

/** Finds the sequence (and email step) each report is about: by our sequence id, else the
 * provider's message id of one of our sends, else the recipient's latest sequence. */
export interface EngagementMatcher {
  match(reports: readonly EngagementReport[]): Promise<EngagementMatch[]>;
}

/** A parked report, with the metadata of the request that brought it. */
export interface ParkedEngagement {
  id: number;
  report: EngagementReport;
  metadata: Record<string, unknown> | undefined;
}

/** Reports no sequence matched when they arrived: parked, matched again by later passes for a
 * bounded time, then expired. */
export interface UnmatchedEventLog {
  /** Parks the reports no sequence matched; a report already kept is ignored. Returns how many were new. */
  record(items: { report: EngagementReport; reason: string; metadata?: Record<string, unknown> }[], receivedAt: string): Promise<number>;
  /** Parked reports received at or after `receivedSince`, oldest first, after row `afterId`. */
  parked(options: { receivedSince: string; afterId: number; limit: number }): Promise<ParkedEngagement[]>;
  /** Marks matched rows with their resolution, and counts an attempt on those still parked. */
  settle(matched: { id: number; resolution: string }[], stillParked: number[], now: string): Promise<void>;
  /** Expires the parked reports received before `receivedBefore`; returns how many. */
  expire(receivedBefore: string, now: string): Promise<number>;
  /** Rows for review, newest first: at most `limit`, with ids below `beforeId` (keyset). */
  page(options: { limit: number; beforeId: number | null }): Promise<UnmatchedEventRow[]>;
}

/** A row of `lead_nurturing_unmatched_events`, as stored (its columns' names). */
export type UnmatchedEventRow = Record<string, unknown> & { id: number };

export const UNMATCHED_EVENT_LOG = Symbol('UnmatchedEventLog');
