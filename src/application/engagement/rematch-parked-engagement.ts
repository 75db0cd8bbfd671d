// Parked engagement is not final: each pass matches the parked reports again (the sequence, or
// the send they name, may have been projected since) and records those that match now, with the
// metadata of the request that brought them. After `retryDays` a parked report expires.
import { MS_PER_DAY, isoOf } from '../../domain/shared/time.js';
import type { UnmatchedEventLog } from '../ports/engagement-matcher.js';
import type { EngagementDelivery, IngestResult } from './engagement-batch.js';

export interface RematchOptions {
  now: string;
  /** Days a parked report is matched again before it expires (`unmatched_retry_days`). */
  retryDays: number;
  /** Most parked reports looked at in one pass. */
  limit?: number;
}

export interface RematchResult {
  retried: number;
  matched: number;
  stillParked: number;
  expired: number;
}

const BATCH = 500;

export async function rematchParkedEngagement(
  log: UnmatchedEventLog,
  ingest: (deliveries: EngagementDelivery[]) => Promise<IngestResult[]>,
  { now, retryDays, limit = 5000 }: RematchOptions,
): Promise<RematchResult> {
  const receivedSince = isoOf(Date.parse(now) - retryDays * MS_PER_DAY);
  const result: RematchResult = { retried: 0, matched: 0, stillParked: 0, expired: await log.expire(receivedSince, now) };
  let afterId = 0;
  while (result.retried < limit) {
    const parked = await log.parked({ receivedSince, afterId, limit: Math.min(BATCH, limit - result.retried) });
    if (parked.length === 0) break;
    // One delivery per parked report: each gets its own outcome.
    const outcomes = await ingest(parked.map((p) => ({ reports: [p.report], metadata: { ...p.metadata, rematchedFrom: p.id } })));
    const matched: { id: number; resolution: string }[] = [];
    const stillParked: number[] = [];
    outcomes.forEach((o, i) => {
      const id = parked[i]!.id;
      if (o.unmatched > 0) stillParked.push(id);
      else matched.push({ id, resolution: o.recorded > 0 ? 'recorded' : o.duplicates > 0 ? 'duplicate' : `refused: ${o.refused[0]?.reason ?? 'unknown'}` });
    });
    await log.settle(matched, stillParked, now);
    result.retried += parked.length;
    result.matched += matched.length;
    result.stillParked += stillParked.length;
    afterId = parked[parked.length - 1]!.id;
  }
  return result;
}
