// Appends a batch to many streams, each at the revision it was decided on; a stream that moved
// meanwhile (another sender, an engagement) is dropped from the batch instead of failing it.
// One round trip per batch when nothing conflicts; one more per conflicting stream.
import { type AppendResult, type AppendToStream, ConcurrencyError, type EventStore } from '../ports/event-store.js';

export interface AppendWhereCurrentResult {
  appended: AppendResult[];
  conflicted: string[];
}

export async function appendWhereCurrent(store: EventStore, appends: AppendToStream[]): Promise<AppendWhereCurrentResult> {
  let pending = appends.filter((a) => a.events.length > 0);
  const conflicted: string[] = [];
  while (pending.length > 0) {
    try {
      return { appended: await store.appendToStreams(pending), conflicted };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      conflicted.push(error.streamId);
      pending = pending.filter((a) => a.streamId !== error.streamId);
    }
  }
  return { appended: [], conflicted };
}
