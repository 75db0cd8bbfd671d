// The projection worker `nurture run` uses on a server database: a catch-up answered by the
// worker has projected everything committed before it was asked; its failures reach the caller.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres/postgres-event-store.js';
import { WorkerProjector } from '../../src/infrastructure/projections/worker-projector.js';
import { rebuildReadModel } from '../../src/projections/rebuild.js';
import { postgresLogReader } from '../../src/infrastructure/event-store/postgres/postgres-event-store.js';
import { createTestDatabase, describeWithServer, SKIP_REASON_ONE_SESSION, type TestDatabase } from '../support/test-database.js';
import { readModelSnapshot } from '../support/table-snapshot.js';
import { playWorkload } from '../support/workload.js';

// The worker runs outside jest's transform: it is the built one (`npm test` builds first).
const BUILT = new URL('../../dist/infrastructure/projections/projection-worker.js', import.meta.url);

describeWithServer(`WorkerProjector (skipped on embedded: ${SKIP_REASON_ONE_SESSION})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    if (!existsSync(fileURLToPath(BUILT))) throw new Error('dist/ is not built: run `npm run build` (npm test does)');
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('is not offered where the worker script is not built', () => {
    expect(WorkerProjector.forConnection(t.db.connection, new URL('./no-such-worker.js', import.meta.url))).toBeNull();
  });

  it('projects, in its thread, everything committed before each catch-up; the rows equal a rebuild', async () => {
    const worker = WorkerProjector.forConnection(t.db.connection, BUILT)!;
    try {
      const store = new PostgresEventStore(t.db.pool);
      let caughtUp = 0;
      await playWorkload({ store, project: async () => void (caughtUp += await worker.catchUp()) }, 4, [
        { kind: 'send', lead: 0 },
        { kind: 'engage', lead: 0, type: 'opened', eventNo: 1, machine: false },
        { kind: 'project' },
        { kind: 'send', lead: 1 },
        { kind: 'engage', lead: 1, type: 'clicked', eventNo: 2, machine: false },
        { kind: 'engage', lead: 2, type: 'bounced', eventNo: 0, machine: false },
        { kind: 'project' },
        { kind: 'stop', lead: 3 },
      ]);
      caughtUp += await worker.catchUp();
      const { rows } = await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events');
      expect(caughtUp).toBe(rows[0]!.n);
      const live = await readModelSnapshot(t.db.pool);
      expect(live.lead_nurturing_sequences).toHaveLength(4);
      await rebuildReadModel(t.db.pool, postgresLogReader);
      expect(await readModelSnapshot(t.db.pool)).toEqual(live);
    } finally {
      await worker.close();
    }
  });

  it('fails a catch-up that fails in the worker with its cause, and keeps answering later calls', async () => {
    const worker = WorkerProjector.forConnection({ ...t.db.connection, connectionString: 'postgres://nobody@127.0.0.1:1/none' }, BUILT)!;
    try {
      await expect(worker.catchUp({ timeoutMs: 2000 })).rejects.toThrow(/ECONNREFUSED|connect/);
      await expect(worker.catchUp({ timeoutMs: 2000 })).rejects.toThrow(/ECONNREFUSED|connect/);
    } finally {
      await worker.close();
    }
  });
});
