// B4 rebuild: events/s of `nurture projections rebuild` (rebuildReadModel: replay the whole log into
// shadow tables, then swap them in) over 1,000,000 events of realistic sequence streams
// (SequenceStarted, reservations, EmailSent, deliveries, opens, clicks, replies, bounces,
// qualifications, completions — made by the aggregate itself).
// Raw limit: INSERT … SELECT of the same rows: es_events copied into a bare table of its columns
// (no index, no constraint), in the same database.
// Correctness: the rebuilt tables against the streams' own final states (row counts, statuses,
// emails, engagement scores) and the checkpoint at the end of the log.
import { rebuildReadModel } from '../../dist/projections/rebuild.js';
import { profiled } from '../lib/profiler.js';
import { PostgresEventStore, postgresLogReader } from '../../dist/infrastructure/event-store/postgres/postgres-event-store.js';
import { analyze } from '../lib/seed.js';
import { expectedTallies, interleavedBatches, random, realisticStream } from '../lib/streams.js';
import { check, checkpoint, count, log, timed } from '../lib/util.js';

function merge(into, t) {
  into.sequences += t.sequences;
  into.emailsSent += t.emailsSent;
  into.engagementScore += t.engagementScore;
  for (const [k, v] of Object.entries(t.byStatus)) into.byStatus[k] = (into.byStatus[k] ?? 0) + v;
  for (const [k, v] of Object.entries(t.byType)) into.byType[k] = (into.byType[k] ?? 0) + v;
}

/**
 * Generates streams until `target` events and appends them as a live system would have: in time
 * order, a sequence's events spread over days between other sequences' events (so a replay batch
 * touches many sequences, and each sequence is touched by several batches). A chunk of 10,000
 * streams at a time, interleaved within the chunk, keeps memory flat.
 */
async function seed(pool, target) {
  const rnd = random(4);
  const startMs = Date.parse('2026-01-05T08:00:00Z');
  const tallies = { sequences: 0, emailsSent: 0, engagementScore: 0, byStatus: {}, byType: {} };
  const store = new PostgresEventStore(pool);
  let events = 0;
  let id = 1;
  while (events < target) {
    const chunk = [];
    while (chunk.length < 10_000 && events < target) {
      // Starts 1 minute apart: a chunk spans about a week of enrolments, its emails about three.
      const b = realisticStream(id, rnd, startMs + id * 60_000);
      id += 1;
      events += b.events.length;
      chunk.push(b);
    }
    // One appender: a batch may continue streams the previous batch wrote.
    for (const batch of interleavedBatches(chunk, 2000)) await store.appendToStreams(batch);
    merge(tallies, expectedTallies(chunk));
    log(`B4: ${events} events appended`);
  }
  return { events, tallies };
}

export async function runB4({ dbs, sizes, options }) {
  const { events: target, batchSize } = sizes.b4;
  const c = await dbs.forCase('B4');
  try {
    const pool = c.db.pool;
    log(`B4: seeding ${target} events`);
    const { events, tallies } = await seed(pool, target);
    await analyze(pool);

    await pool.query(`CREATE TABLE bench_copy (LIKE es_events)`);
    await pool.query('SELECT count(*) FROM es_events'); // same cache state for both
    await checkpoint(pool);
    log(`B4: raw INSERT … SELECT of ${events} events`);
    const raw = await timed(() => pool.query('INSERT INTO bench_copy SELECT * FROM es_events'));
    await checkpoint(pool);
    log(`B4: projections rebuild of ${events} events (batch ${batchSize})`);
    const rebuild = await profiled(options.profile, 'B4-rebuild', () => timed(() => rebuildReadModel(pool, postgresLogReader, { batchSize })));

    const statuses = Object.fromEntries(
      (await pool.query(`SELECT status, count(*)::int AS n FROM lead_nurturing_sequences GROUP BY status ORDER BY status`)).rows.map((r) => [r.status, r.n]),
    );
    const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
    const checks = [
      check('events in the log', events, await count(pool, 'SELECT count(*) AS n FROM es_events')),
      check('events replayed', events, rebuild.result),
      check('rows copied by the raw INSERT', events, raw.result.rowCount),
      check('lead_nurturing_sequences rows', tallies.sequences, await count(pool, 'SELECT count(*) AS n FROM lead_nurturing_sequences')),
      check('sequences by status', sorted(tallies.byStatus), sorted(statuses)),
      check('lead_nurturing_events rows (one per email sent)', tallies.emailsSent, await count(pool, 'SELECT count(*) AS n FROM lead_nurturing_events')),
      check('sum of engagement scores (engagement summaries)', tallies.engagementScore, await count(pool, 'SELECT coalesce(sum(engagement_score), 0) AS n FROM lead_nurturing_engagement_summary')),
      check('sequences whose score differs from their summary', 0, await count(pool, `
        SELECT count(*) AS n FROM lead_nurturing_sequences s JOIN lead_nurturing_engagement_summary e ON e.sequence_id = s.id
         WHERE s.engagement_score <> e.engagement_score`)),
      check('engagement summaries', tallies.sequences, await count(pool, 'SELECT count(*) AS n FROM lead_nurturing_engagement_summary')),
      check('checkpoint at the end of the log', true, (await pool.query(`
        SELECT c.global_position = (SELECT max(global_position) FROM es_events) AS ok
          FROM nurture_projection_checkpoints c WHERE c.name = 'nurturing_read_model'`)).rows[0]?.ok ?? false),
    ];
    return [
      {
        id: 'B4',
        name: 'B4 rebuild',
        figure: events / rebuild.seconds,
        unit: 'events/s',
        raw: events / raw.seconds,
        target: { min: 50_000 },
        checks,
        details: { events, sequences: tallies.sequences, batchSize, seconds: { rebuild: rebuild.seconds, raw: raw.seconds }, byType: tallies.byType },
        note: `${events} events in ${tallies.sequences} streams, batch ${batchSize}, ${rebuild.seconds.toFixed(1)} s incl. shadow tables and swap; raw = INSERT INTO bare table SELECT * FROM es_events`,
      },
    ];
  } finally {
    await c.drop();
  }
}
