// A rebuild replays the log into fresh read tables; the stored reports are not read tables and
// stay as they were, so a report fetched after `nurture projections rebuild` is the one generated.
import { parsePeriod } from '../../src/domain/reports/report-period.js';
import { postgresLogReader } from '../../src/infrastructure/event-store/postgres/postgres-event-store.js';
import { createReportGenerator } from '../../src/infrastructure/reports/create-report-generator.js';
import { SqlReportStore } from '../../src/infrastructure/reports/sql-report-store.js';
import { rebuildReadModel } from '../../src/projections/rebuild.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { insertReportDataset } from './support/report-dataset.js';

describe('stored reports and a rebuild', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('keeps every stored report, figures and files, through a rebuild', async () => {
    await insertReportDataset(t.db.pool);
    const generated = await createReportGenerator(t.db.pool).generate(parsePeriod('weekly', '2026-W10'), { now: '2026-03-16T09:00:00.000Z' });
    await rebuildReadModel(t.db.pool, postgresLogReader);
    // The dataset's rows were written straight into the read tables (no events), so the rebuild
    // empties them: the report is all that remains of them.
    const { rows } = await t.db.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM lead_nurturing_sequences');
    expect(rows[0]!.n).toBe('0');
    const store = new SqlReportStore(t.db.pool);
    expect(await store.find('weekly-2026-W10')).toEqual(generated);
    expect((await store.list({ limit: 10 })).map((r) => r.id)).toEqual(['weekly-2026-W10']);
  });
});
