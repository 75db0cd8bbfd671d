// Contract cases for streams: round trips, expected revisions, atomic multi-stream appends.
import { ConcurrencyError, type ExpectedRevision } from '../../src/application/ports/event-store.js';
import type { SubjectAccess } from './event-store.contract.js';
import { markedEvents, markerOf, uniquePrefix } from './fixtures.js';

export function streamCases(subject: SubjectAccess): void {
  const store = () => subject().store;

  describe('streams', () => {
    it('round-trips data, metadata, types, schema versions and positions', async () => {
      const id = uniquePrefix('round-trip');
      const data = { text: 'Hola {{first_name}} — ¿qué tal? "quoted" \\ back', n: 1.5, list: [1, null, true], nested: { a: {} } };
      const result = await store().appendToStream(id, 'no_stream', [
        { type: 'SequenceStarted', schemaVersion: 2, data, metadata: { correlationId: 'c-1', actor: 'test' } },
        { type: 'EmailSent', schemaVersion: 1, data: { step: 1 } },
        { type: 'EmailOpened', schemaVersion: 3, data: [] },
      ]);
      expect(result).toEqual({ streamId: id, nextRevision: 2n });

      const { revision, events } = await store().readStream(id);
      expect(revision).toBe(2n);
      expect(events.map((e) => [e.streamId, e.streamPosition, e.type, e.schemaVersion])).toEqual([
        [id, 0n, 'SequenceStarted', 2],
        [id, 1n, 'EmailSent', 1],
        [id, 2n, 'EmailOpened', 3],
      ]);
      expect(events.map((e) => e.data)).toEqual([data, { step: 1 }, []]);
      expect(events.map((e) => e.metadata)).toEqual([{ correlationId: 'c-1', actor: 'test' }, {}, {}]);
      for (const e of events) {
        expect(e.eventId).toMatch(/^[0-9a-f-]{36}$/);
        expect(e.recordedAt).toBeInstanceOf(Date);
        expect(typeof e.globalPosition).toBe('bigint');
        expect(typeof e.transactionId).toBe('bigint');
      }
      expect(new Set(events.map((e) => e.eventId)).size).toBe(3);
      expect(events[1]!.globalPosition).toBeGreaterThan(events[0]!.globalPosition);
    });

    it('reads a missing stream as revision -1 with no events', async () => {
      await expect(store().readStream(uniquePrefix('missing'))).resolves.toEqual({ revision: -1n, events: [] });
    });

    it.each<[string, ExpectedRevision]>([
      ["'no_stream' on an existing stream", 'no_stream'],
      ['a stale revision', 0n],
      ['a revision ahead of the stream', 5n],
    ])('refuses %s with a ConcurrencyError naming the stream and revisions', async (_, expected) => {
      const id = uniquePrefix('conflict');
      await store().appendToStream(id, 'no_stream', markedEvents(id, 2));
      const error = await store().appendToStream(id, expected, markedEvents(`${id}-late`, 1)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: id, expected, actual: 1n });
      expect((error as Error).message).toContain(id);
      expect((await store().readStream(id)).revision).toBe(1n);
    });

    it('refuses a revision on a stream that does not exist', async () => {
      const id = uniquePrefix('absent');
      await expect(store().appendToStream(id, 0n, markedEvents(id, 1))).rejects.toMatchObject({
        name: 'ConcurrencyError', streamId: id, expected: 0n, actual: -1n,
      });
      expect((await store().readStream(id)).revision).toBe(-1n);
    });

    it("appends with 'any' and with the correct revision", async () => {
      const id = uniquePrefix('expected');
      await expect(store().appendToStream(id, 'any', markedEvents(`${id}-a`, 2))).resolves.toEqual({ streamId: id, nextRevision: 1n });
      await expect(store().appendToStream(id, 'any', markedEvents(`${id}-b`, 1))).resolves.toEqual({ streamId: id, nextRevision: 2n });
      await expect(store().appendToStream(id, 2n, markedEvents(`${id}-c`, 2))).resolves.toEqual({ streamId: id, nextRevision: 4n });
      const { revision, events } = await store().readStream(id);
      expect(revision).toBe(4n);
      expect(events.map((e) => e.streamPosition)).toEqual([0n, 1n, 2n, 3n, 4n]);
      expect(events.map(markerOf)).toEqual([`${id}-a#0`, `${id}-a#1`, `${id}-b#0`, `${id}-c#0`, `${id}-c#1`]);
    });

    it('appends to many streams atomically and writes nothing when one conflicts', async () => {
      const p = uniquePrefix('atomic');
      const ids = [`${p}-a`, `${p}-b`, `${p}-c`, `${p}-d`];
      await store().appendToStream(ids[2]!, 'no_stream', markedEvents(`${p}-seed`, 1));
      const before = await store().readStreams(ids);

      const attempt = store().appendToStreams([
        { streamId: ids[0]!, expectedRevision: 'no_stream', events: markedEvents(`${p}-x0`, 2) },
        { streamId: ids[1]!, expectedRevision: 'any', events: markedEvents(`${p}-x1`, 1) },
        { streamId: ids[2]!, expectedRevision: 'no_stream', events: markedEvents(`${p}-x2`, 1) },
        { streamId: ids[3]!, expectedRevision: -1n, events: markedEvents(`${p}-x3`, 1) },
      ]);
      await expect(attempt).rejects.toMatchObject({ name: 'ConcurrencyError', streamId: ids[2], expected: 'no_stream', actual: 0n });
      expect(await store().readStreams(ids)).toEqual(before);

      const results = await store().appendToStreams([
        { streamId: ids[0]!, expectedRevision: 'no_stream', events: markedEvents(`${p}-y0`, 2) },
        { streamId: ids[2]!, expectedRevision: 0n, events: markedEvents(`${p}-y2`, 3) },
        { streamId: ids[1]!, expectedRevision: 'any', events: markedEvents(`${p}-y1`, 1) },
      ]);
      expect(results).toEqual([
        { streamId: ids[0], nextRevision: 1n },
        { streamId: ids[2], nextRevision: 3n },
        { streamId: ids[1], nextRevision: 0n },
      ]);
    });

    it('reads many streams at once, absent ones included', async () => {
      const p = uniquePrefix('many');
      await store().appendToStreams([
        { streamId: `${p}-a`, expectedRevision: 'no_stream', events: markedEvents(`${p}-a`, 2) },
        { streamId: `${p}-b`, expectedRevision: 'no_stream', events: markedEvents(`${p}-b`, 3) },
      ]);
      const streams = await store().readStreams([`${p}-b`, `${p}-none`, `${p}-a`]);
      expect([...streams.keys()].sort()).toEqual([`${p}-a`, `${p}-b`, `${p}-none`]);
      expect(streams.get(`${p}-a`)!.revision).toBe(1n);
      expect(streams.get(`${p}-a`)!.events.map(markerOf)).toEqual([`${p}-a#0`, `${p}-a#1`]);
      expect(streams.get(`${p}-b`)!.events.map((e) => e.streamPosition)).toEqual([0n, 1n, 2n]);
      expect(streams.get(`${p}-none`)).toEqual({ revision: -1n, events: [] });
      expect((await store().readStreams([])).size).toBe(0);
    });

    it('reads the events of many streams after given revisions, in order', async () => {
      const p = uniquePrefix('after');
      await store().appendToStreams([
        { streamId: `${p}-a`, expectedRevision: 'no_stream', events: markedEvents(`${p}-a`, 4) },
        { streamId: `${p}-b`, expectedRevision: 'no_stream', events: markedEvents(`${p}-b`, 2) },
      ]);
      const tails = await store().readStreamsAfter(new Map([[`${p}-a`, 1n], [`${p}-b`, 1n], [`${p}-none`, -1n]]));
      expect(tails.get(`${p}-a`)!.map(markerOf)).toEqual([`${p}-a#2`, `${p}-a#3`]);
      expect(tails.get(`${p}-b`)).toEqual([]);
      expect(tails.get(`${p}-none`)).toEqual([]);
      const whole = await store().readStreamsAfter(new Map([[`${p}-b`, -1n]]));
      expect(whole.get(`${p}-b`)!.map((e) => e.streamPosition)).toEqual([0n, 1n]);
      expect((await store().readStreamsAfter(new Map())).size).toBe(0);
    });
  });
}
