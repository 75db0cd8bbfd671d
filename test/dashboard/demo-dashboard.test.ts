// `npx nurture demo`, then `npx nurture serve --demo`: the dashboard shows the demo's data (the
// funnel the demo printed), on the embedded database or the server's, signed in with the read key
// serve printed, and nothing is sent for real.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { runCli, tempDir } from '../support/cli.js';
import { createTestDatabase, isEmbedded, type TestDatabase } from '../support/test-database.js';
import { signIn } from './support/dashboard-client.js';

const BIN = new URL('../../bin/nurture.js', import.meta.url).pathname;

/** `nurture serve` as a process; resolves once it printed where the dashboard is. */
function serve(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; key: string | null; output: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /the dashboard is at (http:\/\/\S+)\/dashboard(?:; sign in with the read key (\S+))?/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, key: m[2] ?? null, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

describe(`nurture demo, then nurture serve --demo (${isEmbedded ? 'embedded database' : 'PostgreSQL server'})`, () => {
  let server: TestDatabase | undefined;
  let dataDir = '';
  let env: NodeJS.ProcessEnv;
  let running: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = tempDir('nurture-demo-serve-');
    if (isEmbedded) env = { NURTURE_DATA_DIR: dataDir };
    else {
      server = await createTestDatabase({ migrate: false });
      env = { DATABASE_URL: server.url };
    }
  });
  afterAll(async () => {
    running?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await server?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to serve demo data that does not exist yet, with a one-line reason', async () => {
    const r = await runCli(['serve', '--demo', '--port', '0'], env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no demo data .*run npx nurture demo first/);
  });

  it('shows the funnel the demo printed', async () => {
    const demo = await runCli(['demo', '--leads', '60', '--days', '10', '--json'], env);
    expect(demo.code).toBe(0);
    const printed = JSON.parse(demo.stdout).funnel;
    expect(demo.stderr).toContain('npx nurture serve --demo');

    const s = await serve(['--demo', '--port', '0', '--host', '127.0.0.1'], { ...env, NURTURE_EMAIL_WEBHOOK_URL: 'http://127.0.0.1:9/never' });
    running = s.child;
    expect(s.key).toMatch(/^demo-/);
    expect(s.output()).toContain("the demo's data, dry run");
    const { cookie } = await signIn(s.url, s.key!);
    expect(cookie).not.toBeNull();
    const res = await fetch(`${s.url}/dashboard/data`, { headers: { cookie: cookie! } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.funnel).toMatchObject({
      started: printed.sequencesStarted,
      sent: printed.emails.sent,
      qualified: printed.status.qualified,
      paused: printed.status.paused,
      completed: printed.status.completed,
      stopped: printed.status.stopped,
    });
    expect(body.active).toBe(printed.status.active);
    expect(body.runs.length).toBeGreaterThan(0);
    expect(body.days.length).toBeGreaterThan(0);
    expect(body.events.length).toBeGreaterThan(0);
  });
});
