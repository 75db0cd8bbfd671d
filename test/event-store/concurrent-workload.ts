// Eight writers appending at once — small random batches, random interleaving, some of them inside
// transactions that take their id and hold it a few ms before appending (so they commit "late") —
// while a reader follows the log. Records which events committed and which were discarded.
import type { AppendToStream, EventStore, ExpectedRevision } from '../../src/application/ports/event-store.js';
import { ConcurrencyError } from '../../src/application/ports/event-store.js';
import type { TransactionSession } from './event-store.contract.js';
import { markedEvents } from './fixtures.js';
import { sleep } from './log-reader.js';

export interface WorkloadOptions {
  store: EventStore;
  beginTransaction?: () => Promise<TransactionSession>;
  prefix: string;
  writers: number;
  rounds: number;
}

export interface WorkloadResult {
  committed: Set<string>;
  discarded: Set<string>;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
const between = (min: number, max: number): number => min + Math.floor(Math.random() * (max - min + 1));

export async function runWriters(options: WorkloadOptions): Promise<WorkloadResult> {
  const result: WorkloadResult = { committed: new Set(), discarded: new Set() };
  const shared = Array.from({ length: 4 }, (_, i) => `${options.prefix}-shared-${i}`);
  await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(options, w, shared, result)));
  return result;
}

async function writer(options: WorkloadOptions, w: number, shared: string[], result: WorkloadResult): Promise<void> {
  // The writer alone appends to its own streams, so it knows their revisions.
  const own = Array.from({ length: 3 }, (_, i) => `${options.prefix}-w${w}-${i}`);
  const revisions = new Map<string, bigint>();
  const expectedOf = (id: string): ExpectedRevision => (revisions.has(id) ? revisions.get(id)! : 'no_stream');

  const batch = (label: string, streams: string[]): AppendToStream[] =>
    [...new Set(streams)].map((streamId, s) => ({
      streamId,
      expectedRevision: shared.includes(streamId) ? 'any' : expectedOf(streamId),
      events: markedEvents(`${options.prefix}-w${w}-${label}-s${s}`, between(1, 3)),
    }));
  const markers = (appends: AppendToStream[]) => appends.flatMap((a) => a.events.map((e) => (e.data as { marker: string }).marker));
  const settle = (appends: AppendToStream[], revisionsAfter: bigint[] | null) => {
    const target = revisionsAfter ? result.committed : result.discarded;
    for (const m of markers(appends)) target.add(m);
    appends.forEach((a, i) => revisionsAfter && !shared.includes(a.streamId) && revisions.set(a.streamId, revisionsAfter[i]!));
  };

  for (let r = 0; r < options.rounds; r++) {
    await sleep(between(0, 3));
    const first = batch(`r${r}a`, [pick(own), ...(Math.random() < 0.5 ? [pick(shared)] : []), pick(own)]);
    if (Math.random() < 0.08) first[0] = { ...first[0]!, expectedRevision: 99n }; // a stale writer: refused
    if (!options.beginTransaction || Math.random() < 0.5) {
      try {
        const appended = await options.store.appendToStreams(first);
        settle(first, appended.map((a) => a.nextRevision));
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        settle(first, null);
      }
      continue;
    }
    // A held transaction: takes its id, waits, appends one or two batches, commits or rolls back.
    const tx = await options.beginTransaction();
    const second = batch(`r${r}b`, [pick(own)]);
    try {
      await tx.takeTransactionId();
      await sleep(between(1, 8));
      const a1 = await tx.store.appendToStreams(first);
      const a2 = Math.random() < 0.5 ? await tx.store.appendToStreams(withRevisions(second, first, a1)) : null;
      await sleep(between(0, 4));
      if (Math.random() < 0.15) throw new RolledBack();
      await tx.commit();
      settle(first, a1.map((a) => a.nextRevision));
      if (a2) settle(second, a2.map((a) => a.nextRevision));
      else settle(second, null);
    } catch (error) {
      await tx.rollback();
      if (!(error instanceof ConcurrencyError) && !(error instanceof RolledBack)) throw error;
      settle(first, null);
      settle(second, null);
    }
  }
}

class RolledBack extends Error {}

/** `second`'s expectations updated with what `first` just appended in the same transaction. */
function withRevisions(second: AppendToStream[], first: AppendToStream[], appended: { nextRevision: bigint }[]) {
  return second.map((a) => {
    const i = first.findIndex((f) => f.streamId === a.streamId);
    return i < 0 ? a : { ...a, expectedRevision: appended[i]!.nextRevision };
  });
}
