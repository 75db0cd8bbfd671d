// A run that really sends while NURTURE_PUBLIC_URL is unset or local says so in its report
// (returned by POST /runs, stored, and by `nurture run`): the emails' unsubscribe links reach
// nothing. Real runs, over real HTTP and the real CLI.
import { runCli, tempDir } from '../support/cli.js';
import { EmailSink } from '../support/email-sink.js';
import { Api, API_KEY } from '../http-api/support/api.js';
import { startTestApp, type TestApp } from '../support/http-app.js';
import { insertLeads } from '../support/leads.js';
import { createTestDatabase, isEmbedded, type TestDatabase } from '../support/test-database.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const sink = new EmailSink();
beforeAll(() => sink.start());
afterAll(() => sink.stop());

const coldLead = (extId: string) => ({ ext_id: extId, email: `${extId}@example.com`, first_name: 'Ana', score: 5, priority: null, created_at: new Date().toISOString() });

describe('run warnings over POST /runs', () => {
  let t: TestDatabase;
  let app: TestApp | undefined;
  beforeAll(async () => {
    process.env.NURTURE_API_KEYS = API_KEY;
    process.env.NURTURE_EMAIL_WEBHOOK_URL = sink.url;
    t = await createTestDatabase();
  });
  afterAll(async () => {
    delete process.env.NURTURE_API_KEYS;
    delete process.env.NURTURE_EMAIL_WEBHOOK_URL;
    delete process.env.NURTURE_PUBLIC_URL;
    await app?.close();
    await t.drop();
  });
  /** The app reads NURTURE_PUBLIC_URL when it starts. */
  const startWith = async (publicUrl: string | undefined) => {
    await app?.close();
    if (publicUrl === undefined) delete process.env.NURTURE_PUBLIC_URL;
    else process.env.NURTURE_PUBLIC_URL = publicUrl;
    app = await startTestApp(t.db);
    return new Api(app.url);
  };

  it('NURTURE_PUBLIC_URL unset: a real run sends and its report, returned and stored, says the links are dead', async () => {
    const api = await startWith(undefined);
    await insertLeads(t.db.pool, [coldLead('lead_w1')]);
    const res = await api.post('/runs', {});
    expect(res.status).toBe(200);
    expect(sink.received.map((e) => e.body.to)).toContain('lead_w1@example.com');
    expect(res.body.warnings).toEqual([expect.stringMatching(/^NURTURE_PUBLIC_URL is not set: unsubscribe links .* reach nothing/)]);
    expect((await api.get(`/runs/${res.body.run_id}`)).body.warnings).toEqual(res.body.warnings);
    const stored = await t.db.pool.query(`SELECT warnings FROM lead_nurturing_runs WHERE run_id = $1`, [res.body.run_id]);
    expect(stored.rows[0].warnings).toEqual(res.body.warnings);
  });

  it('a dry run sends nothing, so it has no such warning', async () => {
    const api = await startWith(undefined);
    const res = await api.post('/runs', { parameters: { dry_run: true } });
    expect(res.body).toMatchObject({ dry_run: true, warnings: [] });
  });

  it.each(['http://localhost:3000', 'http://127.0.0.1:8080/', 'http://[::1]:3000'])('NURTURE_PUBLIC_URL=%s: warned', async (publicUrl) => {
    const api = await startWith(publicUrl);
    const res = await api.post('/runs', {});
    expect(res.body.warnings).toEqual([expect.stringMatching(/^NURTURE_PUBLIC_URL points at .*: unsubscribe links .* reach nothing outside this machine/)]);
  });

  it('NURTURE_PUBLIC_URL a public address: no warning', async () => {
    const api = await startWith('https://nurture.example.com');
    const res = await api.post('/runs', {});
    expect(res.body).toMatchObject({ status: 'succeeded', warnings: [] });
  });
});

describe('run warnings from `nurture run`', () => {
  let server: TestDatabase | undefined;
  let dir = '';
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = tempDir('nurture-warnings-');
    if (isEmbedded) env = { NURTURE_DATA_DIR: join(dir, 'data') };
    else {
      server = await createTestDatabase({ migrate: false });
      env = { DATABASE_URL: server.url };
    }
    env.NURTURE_EMAIL_WEBHOOK_URL = sink.url;
  });
  afterAll(async () => {
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('--json carries the warnings; the plain output prints them on stderr; a public URL has none', async () => {
    const json = await runCli(['run', '--json'], { ...env, NURTURE_PUBLIC_URL: 'http://127.0.0.1:3000' });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).warnings).toEqual([expect.stringMatching(/^NURTURE_PUBLIC_URL points at 127\.0\.0\.1/)]);

    const plain = await runCli(['run'], env);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/^warning: NURTURE_PUBLIC_URL is not set: /m);

    const fine = await runCli(['run', '--json'], { ...env, NURTURE_PUBLIC_URL: 'https://nurture.example.com' });
    expect(JSON.parse(fine.stdout).warnings).toEqual([]);
  });
});
