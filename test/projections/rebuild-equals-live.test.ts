// The rebuild-equals-live property: for any workload, the read tables projected live (in
// batches, interleaved with the writes) are row for row those rebuilt from position 0.
import fc from 'fast-check';
import type pg from 'pg';
import { loadSequence } from '../../src/application/sequences/load-sequence.js';
import { PostgresEventStore, postgresLogReader } from '../../src/infrastructure/event-store/postgres/postgres-event-store.js';
import { NurturingReadModelProjection } from '../../src/projections/nurturing-read-model/nurturing-read-model.projection.js';
import { Projector } from '../../src/projections/projector.js';
import { rebuildReadModel } from '../../src/projections/rebuild.js';
import { readLog } from '../event-store/log-reader.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { readModelSnapshot } from '../support/table-snapshot.js';
import { SqlSuppressionList } from '../../src/infrastructure/suppression/sql-suppression-list.js';
import { operationArb, playWorkload } from '../support/workload.js';

/** What operators and analysts write to the suppression list: it survives every rebuild. */
type OperatorAction = { kind: 'sql' | 'add' | 'remove'; lead: number };
const operatorActionArb = (leads: number): fc.Arbitrary<OperatorAction> =>
  fc.record({ kind: fc.constantFrom('sql' as const, 'add' as const, 'remove' as const), lead: fc.integer({ min: 0, max: leads + 2 }) });

async function playOperatorActions(pool: pg.Pool, actions: OperatorAction[]): Promise<void> {
  const list = new SqlSuppressionList(pool);
  for (const { kind, lead } of actions) {
    const address = `lead${lead}@example.com`; // the workload's addresses, and some no sequence has
    if (kind === 'sql') {
      await pool.query(`INSERT INTO lead_nurturing_suppressions (email, note) VALUES ($1, 'by hand') ON CONFLICT DO NOTHING`, [`  ${address.toUpperCase()} `]);
    } else if (kind === 'add') {
      await list.add({ email: address, reason: 'manual', note: null, now: '2026-01-06T00:00:00.000Z' });
    } else {
      await list.remove(address);
    }
  }
}

const LEADS = 6;

describe('projections: rebuild equals live', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  const readerFor = postgresLogReader;

  it('gives the same rows, row for row, for any workload and batch sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operationArb(LEADS), { minLength: 5, maxLength: 70 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 60 }),
        fc.record({ events: fc.integer({ min: 1, max: 120 }), sequences: fc.integer({ min: 1, max: LEADS + 1 }) }),
        fc.array(operatorActionArb(LEADS), { maxLength: 8 }),
        fc.nat(),
        async (ops, liveBatch, rebuildBatch, windowEvents, liveWindow, operatorActions, split) => {
          await reset(t.db.pool);
          const store = new PostgresEventStore(t.db.pool);
          // Live: batches applied in windows written once (bounded in events and sequences).
          const live = new Projector(t.db.pool, new NurturingReadModelProjection(), readerFor, liveBatch, liveWindow);
          const project = async () => void (await live.catchUp());
          // Operators write to the suppression list between two parts of the workload.
          const at = split % (ops.length + 1);
          const before = async (index: number) => {
            if (index !== at) return;
            await live.catchUp();
            await playOperatorActions(t.db.pool, operatorActions);
          };
          const ids = await playWorkload({ store, project, before }, LEADS, ops);
          if (at === ops.length) await before(at);
          await live.catchUp();
          const liveRows = await readModelSnapshot(t.db.pool);
          // The gauges the projection keeps agree with the rows they count.
          const liveGauges = await statusGauges(t.db.pool);
          expect(liveGauges).toEqual(await statusCounts(t.db.pool));

          // The live rows agree with the aggregate's own state, replayed from its stream.
          const { rows } = await t.db.pool.query('SELECT id, status, current_step, total_steps FROM lead_nurturing_sequences ORDER BY id');
          expect(rows).toHaveLength(LEADS);
          for (const [i, id] of ids.entries()) {
            const { state } = await loadSequence(store, id);
            expect(rows[i]).toEqual({ id: String(id), status: state.status, current_step: state.currentStep, total_steps: state.totalSteps });
          }

          await rebuildReadModel(t.db.pool, readerFor, { batchSize: rebuildBatch, windowEvents });
          expect(await readModelSnapshot(t.db.pool)).toEqual(liveRows);
          expect(await statusGauges(t.db.pool)).toEqual(liveGauges);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('gives the same rows when one projector is asked to catch up by several callers at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operationArb(LEADS), { minLength: 5, maxLength: 60 }), fc.integer({ min: 1, max: 8 }), async (ops, liveBatch) => {
        await reset(t.db.pool);
        const store = new PostgresEventStore(t.db.pool);
        const live = new Projector(t.db.pool, new NurturingReadModelProjection(), readerFor, liveBatch, { events: 3 * liveBatch, sequences: LEADS });
        const passes: Promise<number>[] = [];
        // Every `project` operation starts a catch-up without waiting for the previous ones.
        await playWorkload({ store, project: async () => void passes.push(live.catchUp()) }, LEADS, ops);
        passes.push(live.catchUp(), live.catchUp());
        await Promise.all(passes);
        await live.catchUp();
        const liveRows = await readModelSnapshot(t.db.pool);
        expect(await statusGauges(t.db.pool)).toEqual(await statusCounts(t.db.pool));
        await rebuildReadModel(t.db.pool, readerFor, { batchSize: 7 });
        expect(await readModelSnapshot(t.db.pool)).toEqual(liveRows);
        expect(await statusGauges(t.db.pool)).toEqual(await statusCounts(t.db.pool));
      }),
      { numRuns: 8 },
    );
  });

  it('applying the same batch twice changes nothing (idempotent projection)', async () => {
    await reset(t.db.pool);
    const store = new PostgresEventStore(t.db.pool);
    await playWorkload({ store, project: async () => undefined }, 3, [
      { kind: 'send', lead: 0 },
      { kind: 'engage', lead: 0, type: 'opened', eventNo: 1, machine: false },
      { kind: 'engage', lead: 0, type: 'clicked', eventNo: 2, machine: false },
      { kind: 'send', lead: 1 },
      { kind: 'engage', lead: 1, type: 'bounced', eventNo: 0, machine: false },
    ]);
    // Wait until every appended event is visible: a transaction in another database of the cluster
    // can briefly hold back the log's visibility horizon.
    const { rows } = await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events');
    const appended = rows[0]!.n;
    const { events } = await readLog(store, { batchSize: 1000, until: (read) => read.length === appended });
    expect(events).toHaveLength(appended);
    const projection = new NurturingReadModelProjection();
    await projection.apply(t.db.pool as unknown as pg.ClientBase, events);
    const once = await readModelSnapshot(t.db.pool);
    const gaugesOnce = await statusGauges(t.db.pool);
    await projection.apply(t.db.pool as unknown as pg.ClientBase, events);
    expect(await readModelSnapshot(t.db.pool)).toEqual(once);
    expect(await statusGauges(t.db.pool)).toEqual(gaugesOnce);
    expect(gaugesOnce).toEqual(await statusCounts(t.db.pool));
    expect(once.lead_nurturing_suppressions).toHaveLength(1);
  });
});

async function reset(pool: pg.Pool): Promise<void> {
  await pool.query(`TRUNCATE es_events, es_streams, lead_nurturing_sequences, lead_nurturing_events,
    lead_nurturing_engagement_summary, lead_nurturing_suppressions, nurture_projection_checkpoints, nurture_gauges`);
}

/** The gauges the projection keeps: sequences by status (/metrics, the dashboard), emails by
 * outcome (the dashboard's funnel) and the suppression list's size; labels it counts none of left out. */
async function statusGauges(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query(
    `SELECT name || ':' || label AS key, value::int AS n FROM nurture_gauges
      WHERE name IN ('sequences_by_status', 'emails_by_outcome', 'suppressions') AND value <> 0 ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

/** What those gauges count, counted from the rows. */
async function statusCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query(
    `SELECT key, n FROM (
       SELECT 'sequences_by_status:' || status AS key, count(*)::int AS n FROM lead_nurturing_sequences GROUP BY status
       UNION ALL
       SELECT 'suppressions:', count(*)::int FROM lead_nurturing_suppressions
       UNION ALL
       SELECT 'emails_by_outcome:' || o.label, o.n::int
         FROM (SELECT sum(total_emails_sent) AS sent, sum(total_emails_delivered) AS delivered, sum(total_emails_opened) AS opened,
                      sum(total_emails_clicked) AS clicked, sum(total_emails_replied) AS replied FROM lead_nurturing_engagement_summary) AS s
        CROSS JOIN LATERAL (VALUES ('sent', s.sent), ('delivered', s.delivered), ('opened', s.opened), ('clicked', s.clicked), ('replied', s.replied)) AS o(label, n)
     ) AS c WHERE n <> 0 ORDER BY key`,
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}
