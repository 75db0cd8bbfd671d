// Runs ask the read side which sequences might qualify or pause, then let the aggregate decide.
// Those SQL prefilters must never leave out a sequence the domain's rule would act on: for random
// workloads driven through the real command path and projected, every sequence that `qualification`
// qualifies is a qualification candidate, and every one `PauseIfInactive` pauses is an inactive one.
import fc from 'fast-check';
import { loadSequence } from '../../src/application/sequences/load-sequence.js';
import { decide } from '../../src/domain/sequence/decide.js';
import { qualification } from '../../src/domain/sequence/qualification.js';
import { MS_PER_DAY, isoOf } from '../../src/domain/shared/time.js';
import { PostgresEventStore, postgresLogReader } from '../../src/infrastructure/event-store/postgres/postgres-event-store.js';
import { SqlPipelineReadModel } from '../../src/infrastructure/pipeline/sql-pipeline-read-model.js';
import { NurturingReadModelProjection } from '../../src/projections/nurturing-read-model/nurturing-read-model.projection.js';
import { Projector } from '../../src/projections/projector.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { operationArb, playWorkload } from '../support/workload.js';

const LEADS = 6;
const WORKLOAD_START = Date.parse('2026-01-05T08:00:00.000Z');

describe('SQL prefilters agree with the domain', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('leave out no sequence the domain would qualify or pause', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operationArb(LEADS), { minLength: 5, maxLength: 60 }),
        fc.constantFrom(0, 20, 40, 50, 70),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 240 }),
        async (ops, minScore, pauseAfterDays, nowDays) => {
          await t.db.pool.query(`TRUNCATE es_events, es_streams, lead_nurturing_sequences, lead_nurturing_events,
            lead_nurturing_engagement_summary, lead_nurturing_suppressions, nurture_projection_checkpoints, nurture_gauges`);
          const store = new PostgresEventStore(t.db.pool);
          const ids = await playWorkload({ store, project: async () => undefined }, LEADS, ops);
          const projector = new Projector(t.db.pool, new NurturingReadModelProjection(), postgresLogReader);
          await projector.catchUp();
          const readModel = new SqlPipelineReadModel(t.db.pool, projector);
          const now = isoOf(WORKLOAD_START + nowDays * MS_PER_DAY);

          const candidates = new Set(await readModel.qualificationCandidates(minScore));
          const inactive = new Set(await readModel.inactiveSequenceIds(isoOf(Date.parse(now) - pauseAfterDays * MS_PER_DAY)));
          for (const id of ids) {
            const { state } = await loadSequence(store, id);
            if (qualification(state, minScore, now).length > 0) expect({ id, candidate: candidates.has(id) }).toEqual({ id, candidate: true });
            if (decide({ type: 'PauseIfInactive', data: { pauseAfterDays, now } }, state).length > 0) {
              expect({ id, inactive: inactive.has(id) }).toEqual({ id, inactive: true });
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
