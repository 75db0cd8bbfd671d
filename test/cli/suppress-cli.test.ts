// `nurture suppress add|remove|list` as processes, against a fresh database (the server's, or an
// embedded one on disk), and `nurture projections rebuild` keeping what the operator wrote.
import { rmSync } from 'node:fs';
import { createTestDatabase, isEmbedded, type TestDatabase } from '../support/test-database.js';
import { runCli, tempDir } from '../support/cli.js';

describe(`nurture suppress (${isEmbedded ? 'embedded database on disk' : 'PostgreSQL server'})`, () => {
  let server: TestDatabase | undefined;
  let dataDir = '';
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (isEmbedded) {
      dataDir = tempDir('nurture-suppress-');
      env = { NURTURE_DATA_DIR: dataDir };
    } else {
      server = await createTestDatabase({ migrate: false });
      env = { DATABASE_URL: server.url };
    }
  });
  afterAll(async () => {
    await server?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds, lists, survives a rebuild, removes; bad input is a one-line reason with exit 2, a missing address exit 3', async () => {
    const add = await runCli(['suppress', 'add', ' Ops@Example.com ', '--note', 'asked by phone'], env);
    expect(add).toMatchObject({ code: 0, stdout: 'suppressed ops@example.com (manual)\n' });
    expect((await runCli(['suppress', 'add', 'ops@example.com', '--reason', 'complained'], env)).stdout).toMatch(/^ops@example.com was already suppressed \(manual, since /);

    const rebuilt = await runCli(['projections', 'rebuild'], env);
    expect(rebuilt.code).toBe(0);
    const listed = await runCli(['suppress', 'list', '--json'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ email: 'ops@example.com', reason: 'manual', source: 'operator', note: 'asked by phone' })]);

    const bad = await runCli(['suppress', 'add', 'nobody'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('nurture: email: must be an email address, got "nobody"\n');
    expect((await runCli(['suppress', 'add', 'x@example.com', '--reason', 'annoyed'], env)).code).toBe(2);

    expect(await runCli(['suppress', 'remove', 'OPS@example.com'], env)).toMatchObject({ code: 0, stdout: 'removed ops@example.com from the suppression list\n' });
    const missing = await runCli(['suppress', 'remove', 'ops@example.com'], env);
    expect(missing).toMatchObject({ code: 3, stderr: 'nurture: ops@example.com is not suppressed\n' });
    expect((await runCli(['suppress', 'list'], env)).stdout).toBe('');
  }, 240_000); // ten CLI processes, each opening the database (slow on embedded PGlite)
});
