// Loading a case's starting data (never timed): streams through the event store, the read model
// projected by the service's own projector, table statistics refreshed.
import { PostgresEventStore, postgresLogReader } from '../../dist/infrastructure/event-store/postgres/postgres-event-store.js';
import { NurturingReadModelProjection } from '../../dist/projections/nurturing-read-model/nurturing-read-model.projection.js';
import { Projector } from '../../dist/projections/projector.js';
import { chunk, forEachConcurrent } from './util.js';

/** Appends whole streams (new ones) in batches of `batch` streams, `concurrency` at a time. */
export async function appendStreams(pool, builders, { batch = 1000, concurrency = 2 } = {}) {
  const store = new PostgresEventStore(pool);
  await forEachConcurrent(chunk(builders, batch), concurrency, (streams) =>
    store.appendToStreams(streams.map((b) => ({ streamId: b.streamId, expectedRevision: 'no_stream', events: b.events }))),
  );
}

/** Sequence ids were chosen by the bench: move the id sequence past them, as the allocator would have. */
export async function reserveSequenceIds(pool, lastId) {
  await pool.query(`SELECT setval('lead_nurturing_sequence_id_seq', $1)`, [lastId]);
}

export function liveProjector(pool) {
  return new Projector(pool, new NurturingReadModelProjection(), postgresLogReader);
}

/** Projects everything appended so far into the live read model. */
export async function project(pool) {
  return liveProjector(pool).catchUp(undefined, { timeoutMs: 600_000 });
}

/** What autovacuum would have done on a database that had lived with this data. */
export async function analyze(pool) {
  await pool.query('VACUUM ANALYZE');
}
