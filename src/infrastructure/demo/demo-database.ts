// The demo's own database, emptied at every start so that a second `nurture demo` never doubles
// the data and gives the same numbers:
// - embedded (no DATABASE_URL): a separate PGlite under `<NURTURE_DATA_DIR or ./.nurture>/demo`;
// - DATABASE_URL: the schema `nurture_demo` of that database (every connection's search_path),
//   so the demo never reads or writes your own `leads` or nurturing tables.
// Either is removed only if an earlier demo made it (a marker file / a schema comment).
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { CliUsageError } from '../cli/exit-codes.js';
import { type Database, openServerDatabase } from '../database/database.js';
import { openEmbeddedDatabase } from '../database/embedded-database.js';
import type { DatabaseSettings } from '../database/open-database.js';

export const DEMO_SCHEMA = 'nurture_demo';
const MARKER = 'NURTURE_DEMO';
const SCHEMA_COMMENT = 'nurture demo data: dropped and recreated by every `nurture demo`';

export interface DemoDatabase {
  db: Database;
  /** Where the demo's data is, for people. */
  where: string;
  /** How to point other `nurture` commands at it. */
  envHint: string;
}

const demoDirOf = (settings: DatabaseSettings): string => join(dirname(settings.dataDir ?? '.nurture/pgdata'), 'demo');

export function openDemoDatabase(settings: DatabaseSettings): Promise<DemoDatabase> {
  return settings.databaseUrl ? openDemoSchema(settings.databaseUrl) : openDemoDirectory(demoDirOf(settings));
}

/** The data the last `nurture demo` left, as it is (for `nurture serve --demo`); a usage error when
 * no demo ran there. */
export async function openLastDemoDatabase(settings: DatabaseSettings): Promise<DemoDatabase> {
  if (settings.databaseUrl) {
    const admin = new pg.Client({ connectionString: settings.databaseUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ comment: string | null }>(
        'SELECT obj_description(oid, $2) AS comment FROM pg_namespace WHERE nspname = $1',
        [DEMO_SCHEMA, 'pg_namespace'],
      );
      if (rows[0]?.comment !== SCHEMA_COMMENT) throw new CliUsageError(`no demo data in DATABASE_URL's database (schema ${DEMO_SCHEMA}): run npx nurture demo first`);
    } finally {
      await admin.end();
    }
    const db = await openServerDatabase({ url: withSearchPath(settings.databaseUrl, DEMO_SCHEMA), applicationName: 'lead-nurturing-demo' });
    return { db, where: `schema ${DEMO_SCHEMA} of DATABASE_URL's database`, envHint: '' };
  }
  const dir = demoDirOf(settings);
  if (!existsSync(join(dir, MARKER)) || !existsSync(join(dir, 'pgdata'))) throw new CliUsageError(`no demo data at ${dir}: run npx nurture demo first`);
  const db = await openEmbeddedDatabase({ dataDir: join(dir, 'pgdata') });
  return { db, where: `embedded database at ${dir}`, envHint: '' };
}

async function openDemoDirectory(dir: string): Promise<DemoDatabase> {
  if (existsSync(dir) && !existsSync(join(dir, MARKER)) && readdirSync(dir).length > 0) {
    throw new CliUsageError(`${dir} exists and was not made by nurture demo; move it away or set NURTURE_DATA_DIR elsewhere`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'Made by `nurture demo`, which deletes and recreates this directory each time.\n');
  const db = await openEmbeddedDatabase({ dataDir: join(dir, 'pgdata') });
  return { db, where: `embedded database at ${dir}`, envHint: `NURTURE_DATA_DIR=${dir}` };
}

async function openDemoSchema(url: string): Promise<DemoDatabase> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ comment: string | null }>(
      'SELECT obj_description(oid, $2) AS comment FROM pg_namespace WHERE nspname = $1',
      [DEMO_SCHEMA, 'pg_namespace'],
    );
    if (rows.length > 0 && rows[0]!.comment !== SCHEMA_COMMENT) {
      throw new CliUsageError(`schema ${DEMO_SCHEMA} exists in DATABASE_URL's database and was not made by nurture demo; the demo will not drop it`);
    }
    await admin.query(`DROP SCHEMA IF EXISTS ${DEMO_SCHEMA} CASCADE`);
    await admin.query(`CREATE SCHEMA ${DEMO_SCHEMA}`);
    await admin.query(`COMMENT ON SCHEMA ${DEMO_SCHEMA} IS '${SCHEMA_COMMENT.replace(/'/g, "''")}'`);
  } finally {
    await admin.end();
  }
  const demoUrl = withSearchPath(url, DEMO_SCHEMA);
  const db = await openServerDatabase({ url: demoUrl, applicationName: 'lead-nurturing-demo' });
  return { db, where: `schema ${DEMO_SCHEMA} of DATABASE_URL's database`, envHint: `DATABASE_URL='${redact(demoUrl)}'` };
}

/** The URL with `options=-c search_path=<schema>` added. A connection string's parameters win
 * over the pool's own settings in node-postgres, so the idle-transaction bound goes there too. */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  const options = [u.searchParams.get('options'), `-c search_path=${schema}`, '-c idle_in_transaction_session_timeout=60000'];
  u.searchParams.set('options', options.filter(Boolean).join(' '));
  return u.toString();
}

const redact = (url: string): string => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
};
