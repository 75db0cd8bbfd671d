// GET /health over real HTTP: 200 while the database and the event store answer; a failure is a
// 503 that names no table, host, role or error of the database.
import { withoutConnectionStrings } from '../../src/infrastructure/operations/health.controller.js';
import { startTestApp, type TestApp } from '../support/http-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('GET /health', () => {
  let t: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startTestApp(t.db);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const health = async () => {
    const r = await fetch(`${app.url}/health`);
    return { status: r.status, text: await r.text() };
  };

  it('answers 200 while the event store is there, and 503 without the database\'s error text when it is not', async () => {
    expect(await health()).toMatchObject({ status: 200 });
    await t.db.pool.query('ALTER TABLE es_events RENAME TO es_events_away');
    try {
      const failed = await health();
      expect(failed.status).toBe(503);
      expect(JSON.parse(failed.text)).toEqual({ status: 'unavailable', database: 'unreachable' });
      expect(failed.text).not.toMatch(/es_events|relation|does not exist|postgres/i);
    } finally {
      await t.db.pool.query('ALTER TABLE es_events_away RENAME TO es_events');
    }
    expect(await health()).toMatchObject({ status: 200 });
  });

  it('logs the failure without connection strings (they may carry a password)', () => {
    expect(withoutConnectionStrings('connect to postgres://nurture:s3cret@db:5432/nurture failed')).toBe('connect to postgres://… failed');
    expect(withoutConnectionStrings('postgresql://u:p@h/d')).not.toContain('p@h');
  });
});
