// Appends a batch to many streams, each at the revision it was decided on; a stream that moved
// meanwhile (another sender, an engagement) is dropped from the batch instead of failing it.
// One round trip per batch when nothing conflicts; one more per conflicting stream.
import { type AppendResult, type AppendToStream, ConcurrencyError, type EventStore } from '../ports/event-store.js';

export interface AppendWhereCurrentResult {
  appended: AppendResult[];
  conflicted: string[];
}

export async function appendWhereCurrent(store: EventStore, appends: AppendToStream[]): Promise<AppendWhereCurrentResult> {
  const { appended, conflicted } = await appendGroupsWhereCurrent(store, appends.map((a) => [a]));
  return { appended, conflicted: conflicted.map((group) => group[0]!.streamId) };
}

/** The same for groups of appends that stand or fall together (a sequence's start and its
 * lead's enrollment): a conflict on any stream of a group drops the whole group. */
export async function appendGroupsWhereCurrent(
  store: EventStore,
  groups: AppendToStream[][],
): Promise<{ appended: AppendResult[]; conflicted: AppendToStream[][] }> {
  let pending = groups.map((g) => g.filter((a) => a.events.length > 0)).filter((g) => g.length > 0);
  const conflicted: AppendToStream[][] = [];
  while (pending.length > 0) {
    try {
      return { appended: await store.appendToStreams(pending.flat()), conflicted };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const culprit = pending.find((g) => g.some((a) => a.streamId === error.streamId));
      if (!culprit) throw error;
      conflicted.push(culprit);
      pending = pending.filter((g) => g !== culprit);
    }
  }
  return { appended: [], conflicted };
}
