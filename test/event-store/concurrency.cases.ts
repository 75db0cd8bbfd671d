// Contract cases that need several sessions writing at once: events committed out of order are
// read once each, live and on replay, never skipped and never repeated.
import { checkpointOf, type StoredEvent } from '../../src/application/ports/event-store.js';
import { runWriters, type WorkloadResult } from './concurrent-workload.js';
import type { ContractOptions, SubjectAccess } from './event-store.contract.js';
import { duplicates, markedEvents, markersUnder, uniquePrefix } from './fixtures.js';
import { outOfOrder, readLog, sleep } from './log-reader.js';

function expectEachCommittedOnce(events: StoredEvent[], prefix: string, result: WorkloadResult): void {
  const markers = markersUnder(events, prefix);
  expect(duplicates(markers)).toEqual([]);
  expect(markers.filter((m) => result.discarded.has(m))).toEqual([]);
  expect(markers.filter((m) => !result.committed.has(m))).toEqual([]);
  expect(markers.length).toBe(result.committed.size);
  expect(outOfOrder(events)).toEqual([]);
}

export function concurrencyCases(subject: SubjectAccess, options: ContractOptions): void {
  const skip = options.concurrencySkipReason;
  (skip ? describe.skip : describe)(`with concurrent sessions${skip ? ` (skipped ${skip})` : ''}`, () => {
    (options.transactions ? it : it.skip)(
      'reads a transaction that took its id first but committed last, after the other, once each',
      async () => {
        const { store, beginTransaction } = subject();
        const prefix = uniquePrefix('two-tx');
        const start = await readLog(store, { batchSize: 1000 });

        const t1 = await beginTransaction!();
        let early;
        try {
          await t1.takeTransactionId();
          await store.appendToStream(`${prefix}-t2`, 'no_stream', markedEvents(`${prefix}-t2`, 1)); // T2 commits
          early = await readLog(store, { from: start.checkpoint, batchSize: 1 });
          await t1.store.appendToStream(`${prefix}-t1`, 'no_stream', markedEvents(`${prefix}-t1`, 1));
          await t1.commit();
        } catch (error) {
          await t1.rollback();
          throw error;
        }
        // T2's event must wait for T1: T1's id is lower, so its event comes first in the log.
        expect(markersUnder(early.events, prefix)).toEqual([]);

        const late = await readLog(store, {
          from: early.checkpoint,
          batchSize: 1,
          until: (read) => markersUnder(read, prefix).length >= 2,
        });
        const read = [...early.events, ...late.events].filter((e) => e.streamId.startsWith(prefix));
        expect(markersUnder(read, prefix)).toEqual([`${prefix}-t1#0`, `${prefix}-t2#0`]);
        const [e1, e2] = read as [StoredEvent, StoredEvent];
        expect(e1.transactionId).toBeLessThan(e2.transactionId);
        expect(e1.globalPosition).toBeGreaterThan(e2.globalPosition); // the order the log must survive
        const after = await readLog(store, { from: late.checkpoint, batchSize: 1 });
        expect(markersUnder(after.events, prefix)).toEqual([]);
      },
    );

    it('gives 8 concurrent writers’ events exactly once to a live reader and to replays at 1, 100 and 1000', async () => {
      const { store, beginTransaction } = subject();
      const prefix = uniquePrefix('writers');
      const start = await readLog(store, { batchSize: 1000 });

      let writing = true;
      const writers = runWriters({ store, beginTransaction, prefix, writers: 8, rounds: 30 }).finally(() => {
        writing = false;
      });
      const live: StoredEvent[] = [];
      let checkpoint = start.checkpoint;
      const reader = (async () => {
        while (writing) {
          const page = await store.readAll(checkpoint, [1, 3, 50][live.length % 3]!);
          live.push(...page);
          if (page.length > 0) checkpoint = checkpointOf(page.at(-1)!);
          else await sleep(2);
        }
      })();
      const result = await writers;
      await reader;
      const rest = await readLog(store, {
        from: checkpoint,
        batchSize: 50,
        until: (read) => markersUnder([...live, ...read], prefix).length >= result.committed.size,
      });
      expect(result.committed.size).toBeGreaterThan(500);
      expect(result.discarded.size).toBeGreaterThan(0);
      expectEachCommittedOnce([...live, ...rest.events], prefix, result);

      for (const batchSize of [1, 100, 1000]) {
        const replay = await readLog(store, { batchSize });
        expectEachCommittedOnce(replay.events, prefix, result);
        // The workload did commit out of position order: the hazard was really exercised.
        const mine = replay.events.filter((e) => e.streamId.startsWith(prefix));
        expect(mine.filter((e, i) => i > 0 && e.globalPosition < mine[i - 1]!.globalPosition).length).toBeGreaterThan(0);
      }
      const streams = await store.readStreams([...new Set(rest.events.concat(live).map((e) => e.streamId))]);
      for (const { revision, events } of streams.values()) {
        expect(events.map((e) => e.streamPosition)).toEqual(events.map((_, i) => BigInt(i)));
        expect(revision).toBe(BigInt(events.length - 1));
      }
    });
  });
}
