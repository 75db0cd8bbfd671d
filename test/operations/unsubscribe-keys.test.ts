// The unsubscribe-link key is not readable from the read side, a plain-text key an older
// install kept in nurture_settings moves out of it (its links keep working), and keys rotate:
// NURTURE_UNSUBSCRIBE_SECRET signs new links while NURTURE_UNSUBSCRIBE_PREVIOUS_SECRETS still
// verify the links already sent. All over real HTTP and real runs.
import { randomBytes } from 'node:crypto';
import { NurturingRunner } from '../../src/application/pipeline/nurturing-runner.js';
import { validateRunParameters } from '../../src/application/pipeline/run-parameters.js';
import { readDbFile } from '../../src/infrastructure/database/sql-files.js';
import { createPipelineDeps } from '../../src/infrastructure/pipeline/create-pipeline-deps.js';
import { UnsubscribeTokens } from '../../src/infrastructure/unsubscribe/unsubscribe-tokens.js';
import { EmailSink } from '../support/email-sink.js';
import { startTestApp, type TestApp } from '../support/http-app.js';
import { insertLeads } from '../support/leads.js';
import { createTestDatabase, isEmbedded, type TestDatabase } from '../support/test-database.js';

const LEGACY_KEY = 'legacy-plain-text-key';
const NEW_KEY = 'new-key-from-the-environment';

describe('unsubscribe keys', () => {
  let t: TestDatabase;
  let app: TestApp | undefined;
  const sink = new EmailSink();
  const links: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    await sink.start();
  });
  afterAll(async () => {
    delete process.env.NURTURE_UNSUBSCRIBE_SECRET;
    delete process.env.NURTURE_UNSUBSCRIBE_PREVIOUS_SECRETS;
    await app?.close();
    await sink.stop();
    await t.drop();
  });

  /** A fresh app (the keys are read once per app), its URL as the public one. */
  const restart = async () => {
    await app?.close();
    app = await startTestApp(t.db);
  };
  /** Enrolls a new lead and sends its first email in a real run; returns its unsubscribe link. */
  const sendTo = async (extId: string) => {
    await insertLeads(t.db.pool, [{ ext_id: extId, email: `${extId}@example.com`, first_name: 'Una', score: 5, priority: null, created_at: new Date().toISOString() }]);
    await new NurturingRunner(createPipelineDeps(t.db)).run({ params: validateRunParameters({ email_webhook_url: sink.url }) });
    const email = sink.received.find((e) => e.body.to === `${extId}@example.com`)!;
    links[extId] = /^<(.+)>$/.exec(email.body.headers!['List-Unsubscribe']!)![1]!;
    return links[extId];
  };
  const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
  const sequenceOf = async (extId: string) =>
    Number((await t.db.pool.query(`SELECT id FROM lead_nurturing_sequences WHERE lead_ext_id = $1`, [extId])).rows[0].id);
  const status = async (link: string) => (await fetch(`${app!.url}${new URL(link).pathname}`)).status;

  it('moves a plain-text key an older install kept in nurture_settings out of it; links signed with it keep working', async () => {
    // An install from before nurture_secrets: the generated key sat in nurture_settings.
    await t.db.pool.query(`DELETE FROM nurture_secrets`);
    await t.db.pool.query(`INSERT INTO nurture_settings (name, value) VALUES ('unsubscribe_secret', $1)`, [LEGACY_KEY]);
    await t.db.pool.query(readDbFile('lead_nurturing_schema.sql')); // what the upgrade migration runs

    const settings = await t.db.pool.query(`SELECT name, value FROM nurture_settings`);
    expect(settings.rows.filter((r) => r.name === 'unsubscribe_secret' || r.value === LEGACY_KEY)).toEqual([]);

    await restart();
    const link = await sendTo('lead_legacy');
    const id = await sequenceOf('lead_legacy');
    expect(new UnsubscribeTokens([Buffer.from(LEGACY_KEY)], 'http://x').verify(tokenOf(link))).toBe(id);
    expect(await status(link)).toBe(200);
  });

  it('a generated key is never in nurture_settings, in plain text or otherwise', async () => {
    const generated = (await t.db.pool.query(`SELECT value FROM nurture_secrets WHERE name = 'unsubscribe_secret'`)).rows[0].value;
    expect(generated).toBe(LEGACY_KEY);
    const { rows } = await t.db.pool.query(`SELECT to_jsonb(s)::text AS row FROM nurture_settings s`);
    for (const { row } of rows) expect(row).not.toContain(generated);
  });

  (isEmbedded ? it.skip : it)('an analysts\' role granted SELECT on every table reads no key from nurture_secrets (row level security)', async () => {
    const role = `nurture_analyst_${randomBytes(4).toString('hex')}`;
    const client = await t.db.pool.connect();
    try {
      await client.query(`CREATE ROLE ${role} NOLOGIN`);
      await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
      await client.query(`SET ROLE ${role}`);
      expect((await client.query(`SELECT count(*)::int AS n FROM lead_nurturing_sequences`)).rows[0].n).toBeGreaterThan(0);
      expect((await client.query(`SELECT * FROM nurture_secrets`)).rows).toEqual([]);
      expect((await client.query(`SELECT * FROM nurture_settings WHERE value = $1`, [LEGACY_KEY])).rows).toEqual([]);
    } finally {
      await client.query('RESET ROLE');
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
      await client.query(`DROP ROLE ${role}`);
      client.release();
    }
  });

  it('after rotation new links are signed with NURTURE_UNSUBSCRIBE_SECRET, old ones verify while their key is in NURTURE_UNSUBSCRIBE_PREVIOUS_SECRETS', async () => {
    process.env.NURTURE_UNSUBSCRIBE_SECRET = NEW_KEY;
    process.env.NURTURE_UNSUBSCRIBE_PREVIOUS_SECRETS = `some-older-key, ${LEGACY_KEY}`;
    await restart();
    const link = await sendTo('lead_rotated');
    const id = await sequenceOf('lead_rotated');
    expect(new UnsubscribeTokens([Buffer.from(NEW_KEY)], 'http://x').verify(tokenOf(link))).toBe(id);
    expect(new UnsubscribeTokens([Buffer.from(LEGACY_KEY)], 'http://x').verify(tokenOf(link))).toBeNull();
    expect(await status(link)).toBe(200);
    expect(await status(links.lead_legacy!)).toBe(200);

    // A token signed with a key the service does not hold is refused.
    const forged = new UnsubscribeTokens([Buffer.from('a-key-nobody-configured')], app!.url).urlFor(id);
    expect(await status(forged)).toBe(404);
  });

  it('once the old key leaves NURTURE_UNSUBSCRIBE_PREVIOUS_SECRETS (the grace period ends), its links stop verifying', async () => {
    delete process.env.NURTURE_UNSUBSCRIBE_PREVIOUS_SECRETS;
    await restart();
    expect(await status(links.lead_legacy!)).toBe(404);
    expect(await status(links.lead_rotated!)).toBe(200);
  });
});
