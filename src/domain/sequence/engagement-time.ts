// When an engagement fact happened, as far as we believe the reporter. A provider's clock can be
// wrong, and a forged or buggy report can claim any instant: a time in the future would make the
// lead look engaged until then (auto-pause never fires), a time before its email was sent is
// impossible. Such a claim is replaced by the nearest believable instant, and kept beside it.
import { isoOf } from '../shared/time.js';

/** How far ahead of the time received a reported instant may be (clock skew between servers). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface EngagementTime {
  /** The instant recorded as the fact's `occurredAt` (canonical ISO form). */
  occurredAt: string;
  /** The reporter's instant when it was replaced; absent when it was believed. */
  claimedOccurredAt?: string;
}

/**
 * `claimed`, `now` (the time the report was received) and `notBefore` (the send time of the
 * email the fact is about, or the sequence's start) in ms since the epoch.
 * Later than `now` + skew → `now`; earlier than `notBefore` → `notBefore`.
 */
export function engagementTime(claimed: number, now: number, notBefore: number | null): EngagementTime {
  let at = claimed > now + MAX_CLOCK_SKEW_MS ? now : claimed;
  if (notBefore !== null && at < notBefore) at = notBefore;
  return at === claimed ? { occurredAt: isoOf(claimed) } : { occurredAt: isoOf(at), claimedOccurredAt: isoOf(claimed) };
}
