// Contract cases for the global log: complete, ordered, and paged by checkpoint exactly once.
import { type AppendToStream, checkpointOf } from '../../src/application/ports/event-store.js';
import type { SubjectAccess } from './event-store.contract.js';
import { duplicates, markedEvents, markersUnder, uniquePrefix } from './fixtures.js';
import { outOfOrder, readLog } from './log-reader.js';

/** `batches` appends of `streams` streams × `perStream` events; returns the markers in append order. */
async function appendBatches(subject: SubjectAccess, prefix: string, batches: number, streams: number, perStream: number) {
  const expected: string[] = [];
  for (let b = 0; b < batches; b++) {
    const appends: AppendToStream[] = Array.from({ length: streams }, (_, s) => ({
      streamId: `${prefix}-${(b * 7 + s) % (streams * 3)}`,
      expectedRevision: 'any',
      events: markedEvents(`${prefix}-b${b}-s${s}`, perStream),
    }));
    await subject().store.appendToStreams(appends);
    for (const a of appends) expected.push(...a.events.map((e) => (e.data as { marker: string }).marker));
  }
  return expected;
}

export function logCases(subject: SubjectAccess): void {
  const store = () => subject().store;

  describe('global log', () => {
    it('returns everything from LOG_START, in append order across streams and batches', async () => {
      const prefix = uniquePrefix('log');
      const expected = await appendBatches(subject, prefix, 12, 3, 2);
      await store().appendToStream(`${prefix}-single`, 'no_stream', markedEvents(`${prefix}-single`, 1));
      expected.push(`${prefix}-single#0`);

      const { events } = await readLog(store(), {
        batchSize: 1000,
        until: (read) => markersUnder(read, prefix).length >= expected.length,
      });
      expect(markersUnder(events, prefix)).toEqual(expected);
      expect(outOfOrder(events)).toEqual([]);
      expect(duplicates(events.map((e) => e.eventId))).toEqual([]);
    });

    it('reads only what follows a checkpoint', async () => {
      const prefix = uniquePrefix('after');
      const first = await appendBatches(subject, `${prefix}-1`, 2, 2, 2);
      const { checkpoint } = await readLog(store(), {
        batchSize: 100,
        until: (read) => markersUnder(read, `${prefix}-1`).length >= first.length,
      });
      const second = await appendBatches(subject, `${prefix}-2`, 2, 2, 2);
      const { events } = await readLog(store(), {
        from: checkpoint,
        batchSize: 100,
        until: (read) => markersUnder(read, `${prefix}-2`).length >= second.length,
      });
      expect(markersUnder(events, prefix)).toEqual(second);
      expect(events.every((e) => checkpointOf(e).transactionId >= checkpoint.transactionId)).toBe(true);
    });

    describe('paged by checkpoint', () => {
      const prefix = uniquePrefix('paged');
      let expected: string[] = [];
      beforeAll(async () => {
        expected = await appendBatches(subject, prefix, 21, 5, 10); // 1,050 events
      });

      it.each([1, 100, 1000])('at batch size %i returns each event exactly once', async (batchSize) => {
        const { events } = await readLog(store(), {
          batchSize,
          until: (read) => markersUnder(read, prefix).length >= expected.length,
        });
        expect(markersUnder(events, prefix)).toEqual(expected);
        expect(duplicates(events.map((e) => e.eventId))).toEqual([]);
        expect(outOfOrder(events)).toEqual([]);
      });
    });
  });
}
