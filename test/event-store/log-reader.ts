// Reads the global log the way a projection does: page after page from a checkpoint, polling until
// the events a test waits for have become visible (readers only see transactions older than the
// oldest one still running in the whole cluster, so visibility can lag a commit briefly).
import {
  checkpointOf,
  type EventStore,
  LOG_START,
  type LogCheckpoint,
  type StoredEvent,
} from '../../src/application/ports/event-store.js';

export interface LogRead {
  events: StoredEvent[];
  checkpoint: LogCheckpoint;
}

export interface ReadLogOptions {
  from?: LogCheckpoint;
  batchSize: number;
  /** Keep polling (until `timeoutMs`) while this is false; default: stop at the first empty page. */
  until?: (events: StoredEvent[]) => boolean;
  timeoutMs?: number;
}

export async function readLog(store: EventStore, options: ReadLogOptions): Promise<LogRead> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const events: StoredEvent[] = [];
  let checkpoint = options.from ?? LOG_START;
  for (;;) {
    const page = await store.readAll(checkpoint, options.batchSize);
    if (page.length > options.batchSize) throw new Error(`readAll returned ${page.length} > ${options.batchSize}`);
    if (page.length > 0) {
      events.push(...page);
      checkpoint = checkpointOf(page.at(-1)!);
      continue;
    }
    if (!options.until || options.until(events) || Date.now() > deadline) return { events, checkpoint };
    await sleep(10);
  }
}

/** -1, 0 or 1 as `a` is before, at or after `b` in the log's order. */
export function compareCheckpoints(a: LogCheckpoint, b: LogCheckpoint): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.globalPosition !== b.globalPosition) return a.globalPosition < b.globalPosition ? -1 : 1;
  return 0;
}

/** The events that break the log's strict (transactionId, globalPosition) order: none expected. */
export function outOfOrder(events: StoredEvent[]): StoredEvent[] {
  return events.filter((e, i) => i > 0 && compareCheckpoints(checkpointOf(events[i - 1]!), checkpointOf(e)) >= 0);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
