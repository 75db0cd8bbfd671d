// What the read-side schema itself guarantees: the user's `leads` table is never touched, the
// constraints refuse impossible rows, and templates edited by hand keep a true updated_at.
import type pg from 'pg';
import { runMigrations } from '../../src/infrastructure/database/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** Columns, indexes and comments of `leads`, to compare before and after an install. */
async function leadsShape(pool: pg.Pool): Promise<unknown> {
  const { rows } = await pool.query(`
    SELECT obj_description('leads'::regclass, 'pg_class') AS comment,
           (SELECT json_agg(json_build_array(attname, format_type(atttypid, atttypmod), attnotnull,
                                             col_description(attrelid, attnum)) ORDER BY attnum)
              FROM pg_attribute WHERE attrelid = 'leads'::regclass AND attnum > 0 AND NOT attisdropped) AS columns,
           (SELECT json_agg(indexrelid::regclass::text ORDER BY 1) FROM pg_index WHERE indrelid = 'leads'::regclass) AS indexes`);
  return rows[0];
}

describe('read-side schema rules', () => {
  describe('an existing leads table (the user\'s)', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase({ migrate: false });
    });
    afterAll(() => t.drop());

    it('is left exactly as it is: no column, index or comment added', async () => {
      await t.db.pool.query(`
        CREATE TABLE leads (ext_id text PRIMARY KEY, email text, score integer, priority text,
                            created_at timestamptz, crm_owner text);
        COMMENT ON TABLE leads IS 'owned by the CRM sync';`);
      const before = await leadsShape(t.db.pool);

      await runMigrations(t.db);

      expect(await leadsShape(t.db.pool)).toEqual(before);
    });
  });

  describe('constraints and triggers', () => {
    let t: TestDatabase;
    let pool: pg.Pool;
    beforeAll(async () => {
      t = await createTestDatabase();
      pool = t.db.pool;
    });
    afterAll(() => t.drop());

    const sequence = (status: string): Promise<unknown> =>
      pool.query(
        `INSERT INTO lead_nurturing_sequences (id, lead_ext_id, email, sequence_name, total_steps, status,
                                               started_at, stream_revision, last_event_at)
         VALUES (nextval('lead_nurturing_sequence_id_seq'), 'l1', 'l1@example.com', 'x', 1, $1, now(), 0, now())`,
        [status],
      );

    it.each([
      ['a sequence status outside the five', () => sequence('running'), 'lead_nurturing_sequences_status_check'],
      ['an email status outside sent/failed/bounced/dry_run', () => pool.query(
        `INSERT INTO lead_nurturing_events (id, sequence_id, lead_ext_id, email, step_number, status, last_event_at)
         VALUES (gen_random_uuid(), 1, 'l1', 'l1@example.com', 1, 'queued', now())`), 'lead_nurturing_events_status_check'],
      ['email metadata that is not an object', () => pool.query(
        `INSERT INTO lead_nurturing_events (id, sequence_id, lead_ext_id, email, step_number, status, metadata, last_event_at)
         VALUES (gen_random_uuid(), 1, 'l1', 'l1@example.com', 1, 'sent', '[]', now())`), 'lead_nurturing_events_metadata_is_object'],
      ['a suppression reason outside the four', () => pool.query(
        `INSERT INTO lead_nurturing_suppressions (email, reason, suppressed_at) VALUES ('ana@example.com', 'annoyed', now())`),
        'lead_nurturing_suppressions_reason_check'],
      ['a template whose min_score exceeds max_score', () => pool.query(
        `INSERT INTO nurturing_sequence_templates (name, min_score, max_score, total_steps, steps_config)
         VALUES ('inverted', 60, 40, 1, '[]')`), 'nurturing_sequence_templates_score_range'],
      ['a template whose steps_config is not an array', () => pool.query(
        `INSERT INTO nurturing_sequence_templates (name, total_steps, steps_config) VALUES ('object', 1, '{}')`),
        'nurturing_sequence_templates_steps_is_array'],
    ])('refuses %s', async (_what, write, constraint) => {
      await expect(write()).rejects.toMatchObject({ code: '23514', constraint });
    });

    it('keeps a suppressed address trimmed and lower-case, with reason manual and now() by default', async () => {
      await pool.query(`INSERT INTO lead_nurturing_suppressions (email) VALUES ('  Ana.Suppressed@Example.COM ')`);
      const { rows } = await pool.query(
        `SELECT email, reason, suppressed_at > now() - interval '1 minute' AS recent FROM lead_nurturing_suppressions WHERE email LIKE 'ana.suppressed%'`,
      );
      expect(rows).toEqual([{ email: 'ana.suppressed@example.com', reason: 'manual', recent: true }]);
    });

    it('allocates sequence ids from lead_nurturing_sequence_id_seq', async () => {
      await sequence('active');
      await sequence('paused');
      // Consecutive integers (a refused insert above may have taken one: gaps are harmless).
      const { rows } = await pool.query(
        `SELECT array_agg(id ORDER BY id)::text AS ids, currval('lead_nurturing_sequence_id_seq')::text AS last
           FROM lead_nurturing_sequences`,
      );
      const last = Number(rows[0].last);
      expect(rows).toEqual([{ ids: `{${last - 1},${last}}`, last: String(last) }]);
    });

    it('moves a template\'s updated_at when it is edited, unless the edit sets it', async () => {
      await pool.query(
        `INSERT INTO nurturing_sequence_templates (name, total_steps, steps_config, created_at, updated_at)
         VALUES ('edited', 1, '[]', '2025-01-01T00:00Z', '2025-01-01T00:00Z')`,
      );
      const updatedAt = async (): Promise<Date> =>
        (await pool.query(`SELECT updated_at FROM nurturing_sequence_templates WHERE name = 'edited'`)).rows[0].updated_at;

      await pool.query(`UPDATE nurturing_sequence_templates SET enabled = enabled WHERE name = 'edited'`);
      expect(await updatedAt()).toEqual(new Date('2025-01-01T00:00Z')); // no change, no touch

      await pool.query(`UPDATE nurturing_sequence_templates SET enabled = false WHERE name = 'edited'`);
      expect((await updatedAt()).getTime()).toBeGreaterThan(Date.parse('2025-06-01T00:00Z'));

      await pool.query(`UPDATE nurturing_sequence_templates SET min_score = 5, updated_at = '2025-02-02T00:00Z' WHERE name = 'edited'`);
      expect(await updatedAt()).toEqual(new Date('2025-02-02T00:00Z'));
    });
  });
});
