// The suppression list: addresses never to write to again, whoever put them there.
import type { SuppressionReason } from '../../domain/suppression/suppression.js';

export interface Suppression {
  email: string;
  reason: SuppressionReason;
  source: string | null;
  sequenceId: number | null;
  suppressedAt: string;
  note: string | null;
}

export interface SuppressionPage {
  items: Suppression[];
  /** The email to pass as `after` for the next page, or null on the last page. */
  nextCursor: string | null;
}

export interface SuppressionList {
  /** Of the given addresses (any case, untrimmed), the suppression keys of those on the list. */
  suppressedAmong(addresses: readonly string[]): Promise<Set<string>>;
  /** Adds an operator's suppression; an address already listed keeps its first entry. */
  add(entry: { email: string; reason: SuppressionReason; note: string | null; now: string }): Promise<{ added: boolean; suppression: Suppression }>;
  /** Removes the address; false when it was not listed. */
  remove(email: string): Promise<boolean>;
  /** In address order, after `after`. */
  list(options: { limit: number; after?: string | null }): Promise<SuppressionPage>;
}

export const SUPPRESSION_LIST = Symbol('SuppressionList');
