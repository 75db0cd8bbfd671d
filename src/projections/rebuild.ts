// `nurture projections rebuild`: replays the whole log into fresh shadow tables while the live
// tables keep serving (and the live projector keeps running), then swaps the result in with
// one transaction, so readers see either the old rows or the rebuilt ones, never a mix.
import { LOG_START, type LogCheckpoint, checkpointOf } from '../application/ports/event-store.js';
import { type SqlClient, type SqlPool, withTransaction } from '../application/ports/sql-session.js';
import { deleteCheckpoint, lockCheckpoint, saveCheckpoint } from './checkpoints.js';
import { NURTURING_READ_MODEL, NurturingReadModelProjection } from './nurturing-read-model/nurturing-read-model.projection.js';
import { recountGauges } from './nurturing-read-model/gauges.js';
import { LIVE_TABLES, type ReadModelTables, SHADOW_TABLES, UPSERT_KEYS } from './nurturing-read-model/read-model-tables.js';
import { DEFAULT_PROJECTION_BATCH_SIZE, type LogReaderFor, Projector } from './projector.js';

export interface RebuildOptions {
  batchSize?: number;
  /** Events applied in memory between writes (default 200,000). */
  windowEvents?: number;
  /** Called after every batch with the number of events replayed so far. */
  onProgress?: (replayed: number) => void;
}

const SHADOW_CHECKPOINT = 'nurturing_read_model__rebuild';

export async function rebuildReadModel(pool: SqlPool, readerFor: LogReaderFor, options: RebuildOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_PROJECTION_BATCH_SIZE;
  await createShadowTables(pool);
  await pool.query(`DELETE FROM nurture_projection_checkpoints WHERE name = $1`, [SHADOW_CHECKPOINT]);

  const shadow = new NurturingReadModelProjection(SHADOW_TABLES, SHADOW_CHECKPOINT);
  const projector = new Projector(pool, shadow, readerFor, batchSize);
  const windowEvents = options.windowEvents ?? WINDOW_EVENTS;
  let replayed = await replayInWindows(pool, shadow, readerFor, { batchSize, windowEvents }, (n) => options.onProgress?.(n));

  await withTransaction(pool, async (client) => {
    // Holding the live checkpoint stops the live projector until the swap commits.
    await lockCheckpoint(client, NURTURING_READ_MODEL);
    for (let n = await projector.processBatchWith(client); n > 0; n = await projector.processBatchWith(client)) {
      replayed += n;
      options.onProgress?.(replayed);
    }
    const reached = await lockCheckpoint(client, SHADOW_CHECKPOINT);
    await copyShadowIntoLive(client, SHADOW_TABLES, LIVE_TABLES);
    await recountGauges(client);
    await saveCheckpoint(client, NURTURING_READ_MODEL, reached);
    await deleteCheckpoint(client, SHADOW_CHECKPOINT);
    await dropShadowTables(client);
  });
  return replayed;
}

/** Events written per transaction in the replay: rows stay in memory in between. */
const WINDOW_EVENTS = 200_000;

/** Replays the log into the shadow tables, reading `batchSize` events at a time and writing the
 * rows (with the shadow checkpoint) once per window of events. */
async function replayInWindows(
  pool: SqlPool,
  shadow: NurturingReadModelProjection,
  readerFor: LogReaderFor,
  { batchSize, windowEvents }: { batchSize: number; windowEvents: number },
  onProgress: (replayed: number) => void,
): Promise<number> {
  const reader = readerFor(pool);
  const target = await reader.readHead();
  let window = shadow.openWindow();
  let at: LogCheckpoint = LOG_START;
  let replayed = 0;
  let pending = 0;
  // A full window is written (with the shadow checkpoint) on its own connection while the next
  // one fills: the next window takes the rows it shares with it from memory, not from the tables.
  let writing: Promise<void> = Promise.resolve();
  const write = (full: typeof window, upTo: LogCheckpoint) =>
    withTransaction(pool, async (client) => {
      await full.flush(client);
      await lockCheckpoint(client, SHADOW_CHECKPOINT);
      await saveCheckpoint(client, SHADOW_CHECKPOINT, upTo);
    });
  // The next batch is read while this one is applied: PostgreSQL reads as Node projects.
  let next = reader.readAll(at, batchSize);
  try {
    for (;;) {
      const events = await next;
      if (events.length === 0) {
        // Everything committed before the rebuild began is in; later events come with the swap.
        if (!(await reader.hasUnread(at, target))) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
        next = reader.readAll(at, batchSize);
        continue;
      }
      at = checkpointOf(events[events.length - 1]!);
      next = reader.readAll(at, batchSize);
      await window.add(pool, events);
      replayed += events.length;
      pending += events.length;
      onProgress(replayed);
      if (pending >= windowEvents) {
        // One write at a time, in order: the window before the full one is in the tables now.
        await writing;
        const full = window;
        window = shadow.openWindow(undefined, full.rows);
        writing = write(full, at);
        pending = 0;
      }
    }
  } finally {
    await writing.catch(() => undefined);
    await next.catch(() => undefined);
  }
  await writing;
  await write(window, at);
  return replayed;
}

/** The shadow tables carry only the keys the projection's upserts need: no secondary index
 * is maintained during the replay (they are never queried), and the copy back into the live
 * tables keeps the live tables' own indexes and constraints. */
async function createShadowTables(pool: SqlPool): Promise<void> {
  await dropShadowTables(pool);
  for (const key of Object.keys(LIVE_TABLES) as (keyof ReadModelTables)[]) {
    await pool.query(
      `CREATE TABLE ${SHADOW_TABLES[key]} (LIKE ${LIVE_TABLES[key]} INCLUDING DEFAULTS, UNIQUE (${UPSERT_KEYS[key].join(', ')}))`,
    );
  }
}

async function dropShadowTables(client: SqlClient | SqlPool): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${Object.values(SHADOW_TABLES).join(', ')}`);
}

/** The tables a rebuild owns. Not the suppression list: operators and analysts write to it too
 * (an address suppressed by hand, or one unsuppressed), and a replay knows only the events' part,
 * so the live list is kept exactly as it is; the events' suppressions are in it already. */
const REBUILT_TABLES = (Object.keys(LIVE_TABLES) as (keyof ReadModelTables)[]).filter((key) => key !== 'suppressions');

async function copyShadowIntoLive(client: SqlClient, from: ReadModelTables, to: ReadModelTables): Promise<void> {
  for (const key of REBUILT_TABLES) {
    // DELETE, not TRUNCATE: readers keep their snapshot of the old rows until the commit.
    await client.query(`DELETE FROM ${to[key]}`);
    await client.query(`INSERT INTO ${to[key]} SELECT * FROM ${from[key]}`);
  }
}
