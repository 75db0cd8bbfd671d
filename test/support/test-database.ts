// A fresh database for one test file: a new database on the `DATABASE_URL` server, or a new
// in-memory embedded PGlite when `DATABASE_URL` is absent.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openServerDatabase } from '../../src/infrastructure/database/database.js';
import { openEmbeddedDatabase } from '../../src/infrastructure/database/embedded-database.js';
import { runMigrations } from '../../src/infrastructure/database/migrate.js';

export const serverUrl = process.env.DATABASE_URL || undefined;
export const isEmbedded = serverUrl === undefined;

/** `describe` for tests that need several real database sessions, which embedded PGlite lacks. */
export const describeWithServer: jest.Describe = isEmbedded
  ? (describe.skip as jest.Describe)
  : describe;
export const SKIP_REASON_ONE_SESSION =
  'embedded PGlite runs every connection through one session: concurrent transactions cannot interleave there';

export interface TestDatabase {
  db: Database;
  /** The URL of the fresh database (server mode only). */
  url: string | undefined;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { migrate?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (isEmbedded) {
    const db = await openEmbeddedDatabase();
    if (migrate) await runMigrations(db);
    return { db, url: undefined, drop: () => db.close() };
  }
  const name = `nurture_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl!, name);
  const db = await openServerDatabase({ url, poolSize: options.poolSize ?? 12 });
  if (migrate) await runMigrations(db);
  return {
    db,
    url,
    async drop() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
