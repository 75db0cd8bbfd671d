// The PostgreSQL adapter: the contract on a fresh migrated database (embedded PGlite, or the
// `DATABASE_URL` server), and what only this adapter offers: appends in a caller's transaction.
import { ConcurrencyError } from '../../src/application/ports/event-store.js';
import { ValidationError } from '../../src/domain/shared/errors.js';
import { withTransaction } from '../../src/infrastructure/database/database.js';
import type { NewEventWithId } from '../../src/infrastructure/event-store/postgres/append-batch.js';
import { DuplicateEventIdError } from '../../src/infrastructure/event-store/postgres/append-errors.js';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres/postgres-event-store.js';
import { createTestDatabase, isEmbedded, SKIP_REASON_ONE_SESSION, type TestDatabase } from '../support/test-database.js';
import { eventStoreContract } from './event-store.contract.js';
import { markedEvents, markersUnder, uniquePrefix } from './fixtures.js';
import { readLog } from './log-reader.js';
import { beginPostgresTransaction } from './postgres-transaction-session.js';

eventStoreContract(
  'PostgresEventStore',
  async () => {
    const t = await createTestDatabase({ poolSize: 12 });
    const store = new PostgresEventStore(t.db.pool);
    return { store, beginTransaction: () => beginPostgresTransaction(t.db.pool), teardown: () => t.drop() };
  },
  { transactions: true, concurrencySkipReason: isEmbedded ? `on embedded: ${SKIP_REASON_ONE_SESSION}` : undefined },
);

describe('PostgresEventStore', () => {
  let t: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    t = await createTestDatabase();
    store = new PostgresEventStore(t.db.pool);
  });
  afterAll(() => t.drop());

  it("commits an append with the caller's transaction", async () => {
    const id = uniquePrefix('tx-commit');
    await withTransaction(t.db.pool, async (client) => {
      await new PostgresEventStore(client).appendToStream(id, 'no_stream', markedEvents(id, 2));
      await client.query('SELECT 1');
    });
    expect((await store.readStream(id)).revision).toBe(1n);
  });

  it("leaves nothing when the caller's transaction rolls back", async () => {
    const id = uniquePrefix('tx-rollback');
    const work = withTransaction(t.db.pool, async (client) => {
      await new PostgresEventStore(client).appendToStreams([
        { streamId: `${id}-a`, expectedRevision: 'no_stream', events: markedEvents(`${id}-a`, 2) },
        { streamId: `${id}-b`, expectedRevision: 'any', events: markedEvents(`${id}-b`, 1) },
      ]);
      throw new Error('the caller fails after appending');
    });
    await expect(work).rejects.toThrow('the caller fails after appending');
    const streams = await store.readStreams([`${id}-a`, `${id}-b`]);
    expect([...streams.values()]).toEqual([{ revision: -1n, events: [] }, { revision: -1n, events: [] }]);
    expect(markersUnder((await readLog(store, { batchSize: 1000 })).events, id)).toEqual([]);
    // The streams were never created: 'no_stream' still holds.
    await expect(store.appendToStream(`${id}-a`, 'no_stream', markedEvents(id, 1))).resolves.toEqual({ streamId: `${id}-a`, nextRevision: 0n });
  });

  it('keeps an event id the writer chose, and refuses it twice', async () => {
    const id = uniquePrefix('event-id');
    const eventId = '0b0e3a5c-64a4-4b7e-9d1c-2f0c3f1b9a77';
    const event: NewEventWithId = { type: 'T', schemaVersion: 1, data: {}, eventId };
    await store.appendToStream(id, 'no_stream', [event]);
    expect((await store.readStream(id)).events[0]!.eventId).toBe(eventId);
    const again = store.appendToStream(`${id}-2`, 'any', [event]);
    await expect(again).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect((await store.readStream(`${id}-2`)).revision).toBe(-1n);
  });

  it('checks the revision of an append without events', async () => {
    const id = uniquePrefix('empty');
    await store.appendToStream(id, 'no_stream', markedEvents(id, 2));
    await expect(store.appendToStream(id, 1n, [])).resolves.toEqual({ streamId: id, nextRevision: 1n });
    await expect(store.appendToStream(id, 0n, [])).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const id = uniquePrefix('bad');
    const twice = store.appendToStreams([
      { streamId: id, expectedRevision: 'any', events: markedEvents(id, 1) },
      { streamId: id, expectedRevision: 'any', events: markedEvents(id, 1) },
    ]);
    await expect(twice).rejects.toMatchObject({ name: 'ValidationError', field: 'appends[1].streamId' });
    await expect(store.appendToStream(id, -2n, [])).rejects.toMatchObject({ field: 'appends[0].expectedRevision' });
    await expect(store.appendToStream('', 'any', [])).rejects.toBeInstanceOf(ValidationError);
    await expect(store.readAll({ transactionId: 0n, globalPosition: 0n }, 0)).rejects.toMatchObject({ field: 'limit' });
    expect((await store.readStream(id)).revision).toBe(-1n);
  });
});
