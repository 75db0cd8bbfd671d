// B1 append: events/s appended through the event store port (PostgresEventStore.appendToStreams),
// realistic sequence streams, in two rounds (the first half of each stream with expected revision
// `no_stream`, then the rest at the revision the first round left), batches of `batchStreams`
// streams, `appenders` concurrent appenders.
// Raw limit: the same rows, the same batches and concurrency, each batch ONE multi-row INSERT into a
// bare table with es_events' columns and no constraint or index.
// Peer: the same streams and rounds through @event-driven-io/emmett-postgresql 0.42.0
// (`appendToStream`, one stream per call: it cannot append to several streams atomically),
// `peerCallers` concurrent callers, in the same database.
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '../../dist/infrastructure/event-store/postgres/postgres-event-store.js';
import { realisticStreams } from '../lib/streams.js';
import { check, checkpoint, chunk, count, forEachConcurrent, log, timed } from '../lib/util.js';

const RAW_TABLE = `
  CREATE TABLE bench_raw_events (
    global_position bigint      GENERATED ALWAYS AS IDENTITY,
    transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
    stream_id       text        NOT NULL,
    stream_position bigint      NOT NULL,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    schema_version  integer     NOT NULL,
    data            jsonb       NOT NULL,
    metadata        jsonb       NOT NULL DEFAULT '{}',
    recorded_at     timestamptz NOT NULL DEFAULT now()
  )`;

// One statement per batch, all rows in one JSON parameter: the fastest of the multi-row INSERT forms
// measured here (VALUES lists with 7 parameters per row and unnest() of 7 arrays were both slower).
const RAW_INSERT = `
  INSERT INTO bench_raw_events (stream_id, stream_position, event_id, event_type, schema_version, data, metadata)
  SELECT r ->> 0, (r ->> 1)::bigint, (r ->> 2)::uuid, r ->> 3, (r ->> 4)::integer, r -> 5, r -> 6
    FROM jsonb_array_elements($1::jsonb) AS r`;

/** The workload: per round, the batches; per batch, the streams with their events and revisions. */
function workload(builders, batchStreams, rep = 0) {
  const round1 = [];
  const round2 = [];
  for (const b of builders) {
    const half = Math.ceil(b.events.length / 2);
    const plain = (e) => ({ type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata ?? {} });
    const streamId = rep === 0 ? b.streamId : `${b.streamId}-r${rep}`;
    round1.push({ streamId, from: 0, events: b.events.slice(0, half).map(plain) });
    if (half < b.events.length) round2.push({ streamId, from: half, events: b.events.slice(half).map(plain) });
  }
  return [chunk(round1, batchStreams), chunk(round2, batchStreams)];
}

async function appendThroughStore(store, rounds, appenders) {
  for (const batches of rounds) {
    await forEachConcurrent(batches, appenders, (batch) =>
      store.appendToStreams(
        batch.map((s) => ({ streamId: s.streamId, expectedRevision: s.from === 0 ? 'no_stream' : BigInt(s.from - 1), events: s.events })),
      ),
    );
  }
}

async function insertRaw(pool, rounds, appenders) {
  for (const batches of rounds) {
    await forEachConcurrent(batches, appenders, async (batch) => {
      const rows = [];
      for (const s of batch) s.events.forEach((e, i) => rows.push([s.streamId, s.from + i, randomUUID(), e.type, e.schemaVersion, e.data, e.metadata]));
      await pool.query(RAW_INSERT, [JSON.stringify(rows)]);
    });
  }
}

async function appendThroughEmmett(emmett, STREAM_DOES_NOT_EXIST, rounds, callers) {
  for (const batches of rounds) {
    const streams = batches.flat();
    await forEachConcurrent(streams, callers, (s) =>
      emmett.appendToStream(
        s.streamId,
        s.events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata })),
        { expectedStreamVersion: s.from === 0 ? STREAM_DOES_NOT_EXIST : BigInt(s.from) },
      ),
    );
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function runB1({ dbs, sizes }) {
  const { streams, batchStreams, appenders, peerCallers, repeat } = sizes.b1;
  const c = await dbs.forCase('B1', Math.max(appenders, 4) + 1);
  const pool = c.db.pool;
  try {
    log(`B1: generating ${streams} streams`);
    const generated = realisticStreams({ streams, seed: 1 });
    const total = generated.events;
    // Each repetition appends the same events to new streams (ids suffixed -r<n>).
    const reps = Array.from({ length: repeat }, (_, rep) => workload(generated.streams, batchStreams, rep));
    // Warm-up (connections, JIT, plan caches) on other streams: 2 batches each way.
    const warm = realisticStreams({ streams: 2 * batchStreams, firstId: 10_000_000, seed: 2 });
    const warmRounds = workload(warm.streams, batchStreams);
    await pool.query(RAW_TABLE);

    const store = new PostgresEventStore(pool);
    await appendThroughStore(store, warmRounds, appenders);
    await insertRaw(pool, warmRounds, appenders);

    // Raw and ours alternate, `repeat` times each; the figures are the medians.
    const rawSeconds = [];
    const oursSeconds = [];
    for (const [rep, rounds] of reps.entries()) {
      await checkpoint(pool);
      log(`B1: raw multi-row INSERT of ${total} events (${rep + 1}/${repeat})`);
      rawSeconds.push((await timed(() => insertRaw(pool, rounds, appenders))).seconds);
      await checkpoint(pool);
      log(`B1: event store appendToStreams of ${total} events (${rep + 1}/${repeat})`);
      oursSeconds.push((await timed(() => appendThroughStore(store, rounds, appenders))).seconds);
    }

    // The peer, on the same database (its own emt_* tables), once: the first repetition's streams.
    const { getPostgreSQLEventStore } = await import('@event-driven-io/emmett-postgresql');
    const { STREAM_DOES_NOT_EXIST } = await import('@event-driven-io/emmett');
    const emmett = getPostgreSQLEventStore(c.url);
    let peer;
    try {
      await appendThroughEmmett(emmett, STREAM_DOES_NOT_EXIST, warmRounds, peerCallers); // also creates its schema
      await checkpoint(pool);
      log(`B1: emmett-postgresql appendToStream of ${total} events (${peerCallers} callers)`);
      peer = await timed(() => appendThroughEmmett(emmett, STREAM_DOES_NOT_EXIST, reps[0], peerCallers));
    } finally {
      await emmett.close();
    }

    const ourAll = repeat * total + warm.events;
    const checks = [
      check('es_events rows', ourAll, await count(pool, 'SELECT count(*) AS n FROM es_events')),
      check('es_streams rows', repeat * streams + warm.streams.length, await count(pool, 'SELECT count(*) AS n FROM es_streams')),
      check('streams whose positions are not 0..revision without gaps', 0, await count(pool, `
        SELECT count(*) AS n FROM (
          SELECT e.stream_id, count(*) AS c, min(e.stream_position) AS lo, max(e.stream_position) AS hi, max(s.revision) AS rev
            FROM es_events e JOIN es_streams s USING (stream_id) GROUP BY e.stream_id) x
         WHERE lo <> 0 OR hi <> c - 1 OR rev <> hi`)),
      check('bare table rows', ourAll, await count(pool, 'SELECT count(*) AS n FROM bench_raw_events')),
      check('emmett emt_messages rows', total + warm.events, await count(pool, 'SELECT count(*) AS n FROM emt_messages')),
    ];
    const rawRate = total / median(rawSeconds);
    const details = { streams, events: total, batchStreams, appenders, peerCallers, repeat, seconds: { ours: oursSeconds, raw: rawSeconds, peer: peer.seconds } };
    return [
      {
        id: 'B1',
        name: 'B1 append',
        figure: total / median(oursSeconds),
        unit: 'events/s',
        raw: rawRate,
        target: { min: 40_000, minRatio: 0.3 },
        checks,
        details,
        note: `${streams} streams, ${total} events in 2 rounds (no_stream, then expected revision), batches of ${batchStreams} streams, ${appenders} appenders, median of ${repeat}; raw = the same batches as multi-row INSERTs into a bare table`,
      },
      {
        id: 'B1-peer',
        name: 'B1 peer: emmett-postgresql 0.42.0',
        figure: total / peer.seconds,
        unit: 'events/s',
        raw: rawRate,
        target: null,
        checks: [],
        details,
        note: `the same streams and rounds through appendToStream, one stream per call (no multi-stream append), ${peerCallers} concurrent callers, same database`,
      },
    ];
  } finally {
    await c.drop();
  }
}
