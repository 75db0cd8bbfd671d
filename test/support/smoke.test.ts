import { createTestDatabase, type TestDatabase } from './test-database.js';

describe('test database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());
  it('runs migrations', async () => {
    const { rows } = await t.db.pool.query('SELECT name FROM nurture_migrations ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(['EventStore1764115200000', 'ReadSide1764115200001', 'ReadSideUpgrade1796169600000', 'OperationsAndSecrets1796256000000', 'Reports1796342400000', 'Dashboard1796428800000']);
  });
});
