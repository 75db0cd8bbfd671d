// `psql -f db/lead_nurturing_schema.sql` and `nurture migrate` (runMigrations) must reach the same
// schema, and the file must be idempotent: run twice, or after the migrations, it changes nothing.
// On a server (DATABASE_URL) the file goes through the real psql, twice. Embedded PGlite has no psql,
// so there the file's text is sent twice through the pool instead (the migration sends it the same way).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readDbFile } from '../../src/infrastructure/database/sql-files.js';

const dbFilePath = (name: string): string => new URL(`../../db/${name}`, import.meta.url).pathname;
import { createTestDatabase, isEmbedded, type TestDatabase } from '../support/test-database.js';
import { catalogFingerprint, type Fingerprint } from './catalog-fingerprint.js';

const execFileAsync = promisify(execFile);

/** The files `nurture migrate` runs, in its order. */
const SCHEMA_FILES = ['event_store.sql', 'lead_nurturing_schema.sql'];

/** Every relation of the read side; each must be commented, and so must each of its columns. */
const READ_SIDE_RELATIONS = [
  'leads',
  'nurturing_sequence_templates',
  'lead_nurturing_sequences',
  'lead_nurturing_events',
  'lead_nurturing_engagement_summary',
  'lead_nurturing_suppressions',
  'nurture_projection_checkpoints',
  'mv_nurturing_conversion_metrics',
  'lead_nurturing_sequence_id_seq',
];

const HOW = isEmbedded
  ? 'the files\' text sent twice through pg (embedded PGlite: no psql)'
  : '`psql -v ON_ERROR_STOP=1 -f` twice';

/** Installs the schema files the way an operator would, outside the migrations. */
async function installByHand(t: TestDatabase): Promise<void> {
  if (isEmbedded) {
    for (const file of SCHEMA_FILES) await t.db.pool.query(readDbFile(file));
    return;
  }
  await execFileAsync(
    'psql',
    ['--no-psqlrc', '-q', '-v', 'ON_ERROR_STOP=1', '-d', t.url!, ...SCHEMA_FILES.flatMap((f) => ['-f', dbFilePath(f)])],
    { env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' } },
  );
}

describe(`read-side schema: ${HOW} vs runMigrations()`, () => {
  let byHand: TestDatabase;
  let migrated: TestDatabase;
  let migratedFingerprint: Fingerprint;

  beforeAll(async () => {
    byHand = await createTestDatabase({ migrate: false, poolSize: 2 });
    migrated = await createTestDatabase({ migrate: true, poolSize: 2 });
    migratedFingerprint = await catalogFingerprint(migrated.db.pool);
  });
  afterAll(async () => {
    await byHand?.drop();
    await migrated?.drop();
  });

  it(`installs the whole read side: ${HOW} gives exactly the schema of runMigrations()`, async () => {
    await installByHand(byHand);
    await installByHand(byHand); // idempotent: the second run is harmless

    const relations = migratedFingerprint.relations!.map((r) => r.name);
    expect(relations).toEqual(expect.arrayContaining(READ_SIDE_RELATIONS));
    expect(relations).not.toContain('nurture_migrations');
    expect(await catalogFingerprint(byHand.db.pool)).toEqual(migratedFingerprint);

    // The comparison has teeth: every part is populated, and a one-word change is noticed.
    for (const part of ['relations', 'columns', 'constraints', 'indexes', 'sequences', 'functions', 'triggers', 'comments']) {
      expect([part, migratedFingerprint[part]!.length > 0]).toEqual([part, true]);
    }
    await byHand.db.pool.query(`COMMENT ON COLUMN lead_nurturing_events.error IS 'changed'`);
    expect(await catalogFingerprint(byHand.db.pool)).not.toEqual(migratedFingerprint);
  });

  it('running the file again after the migrations changes nothing and keeps every row', async () => {
    const pool = migrated.db.pool;
    await pool.query(
      `INSERT INTO nurturing_sequence_templates (name, total_steps, steps_config) VALUES ('kept', 1, '[]')`,
    );
    await pool.query(
      `INSERT INTO lead_nurturing_sequences (id, lead_ext_id, email, sequence_name, total_steps, status,
                                             started_at, stream_revision, last_event_at)
       VALUES (7, 'lead_7', 'l7@example.com', 'kept', 1, 'active', '2025-01-15T10:00Z', 0, '2025-01-15T10:00Z')`,
    );
    await pool.query('REFRESH MATERIALIZED VIEW CONCURRENTLY mv_nurturing_conversion_metrics');

    await installByHand(migrated);

    expect(await catalogFingerprint(pool)).toEqual(migratedFingerprint);
    const counts = await pool.query(`
      SELECT (SELECT count(*)::int FROM nurturing_sequence_templates)     AS templates,
             (SELECT count(*)::int FROM lead_nurturing_sequences)         AS sequences,
             (SELECT count(*)::int FROM mv_nurturing_conversion_metrics)  AS metric_days`);
    expect(counts.rows).toEqual([{ templates: 1, sequences: 1, metric_days: 1 }]);
  });

  it('adds the columns added since the first release to a database created before them, keeping its rows', async () => {
    const pool = byHand.db.pool;
    await installByHand(byHand);
    await pool.query('ALTER TABLE nurturing_sequence_templates DROP COLUMN default_fallback');
    await pool.query(`INSERT INTO nurturing_sequence_templates (name, total_steps, steps_config) VALUES ('old', 1, '[]')`);

    await installByHand(byHand);

    const { rows } = await pool.query(
      `SELECT name, default_fallback,
              col_description('nurturing_sequence_templates'::regclass,
                              (SELECT attnum FROM pg_attribute WHERE attrelid = 'nurturing_sequence_templates'::regclass
                                  AND attname = 'default_fallback')) <> '' AS commented
         FROM nurturing_sequence_templates`,
    );
    expect(rows).toEqual([{ name: 'old', default_fallback: null, commented: true }]);
  });

  it('comments every read-side relation and every one of their columns', async () => {
    const { rows: uncommented } = await migrated.db.pool.query(
      `SELECT c.relname AS relation, NULL AS "column"
         FROM pg_class c
        WHERE c.relname = ANY($1) AND c.relnamespace = current_schema()::regnamespace
          AND coalesce(obj_description(c.oid, 'pg_class'), '') = ''
       UNION ALL
       SELECT c.relname, a.attname
         FROM pg_class c
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relname = ANY($1) AND c.relnamespace = current_schema()::regnamespace
          AND c.relkind <> 'S'
          AND coalesce(col_description(c.oid, a.attnum), '') = ''
        ORDER BY 1, 2`,
      [READ_SIDE_RELATIONS],
    );
    expect(uncommented).toEqual([]);

    const { rows: present } = await migrated.db.pool.query(
      `SELECT relname FROM pg_class WHERE relname = ANY($1) AND relnamespace = current_schema()::regnamespace`,
      [READ_SIDE_RELATIONS],
    );
    expect(present.map((r) => r.relname).sort()).toEqual([...READ_SIDE_RELATIONS].sort());
  });
});
