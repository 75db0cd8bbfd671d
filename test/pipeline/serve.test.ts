// `nurture serve` runs the pipeline on its cron schedule and answers /health.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { createTestDatabase, isEmbedded, type TestDatabase } from '../support/test-database.js';

const BIN = new URL('../../bin/nurture.js', import.meta.url).pathname;

describe('nurture serve', () => {
  let server: TestDatabase | undefined;
  let dir = '';
  let env: NodeJS.ProcessEnv;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    dir = tempDir('nurture-serve-');
    if (isEmbedded) env = { NURTURE_DATA_DIR: join(dir, 'data') };
    else {
      server = await createTestDatabase({ migrate: false });
      env = { DATABASE_URL: server.url };
    }
  });
  afterAll(async () => {
    child?.kill('SIGTERM');
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the pipeline on schedule, serves /health, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--schedule', '*/1 * * * * *'], {
      env: { PATH: process.env.PATH, ...env, NURTURE_DRY_RUN: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(() => /run run_\w+ succeeded/.test(out), 30_000, () => out);
    const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)![1]);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: isEmbedded ? 'embedded' : 'server', eventStore: 'up' });
    expect(out).toMatch(/pipeline scheduled "\*\/1 \* \* \* \* \*" \(UTC\)/);

    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child!.on('exit', resolve));
    expect(code).toBe(0);
    child = undefined;
  });

  it('listens on NURTURE_HOST, and warns at start that /metrics is open and NURTURE_PUBLIC_URL is unset while sending for real', async () => {
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { PATH: process.env.PATH, ...env, NURTURE_HOST: '127.0.0.1', NURTURE_DRY_RUN: 'false', NURTURE_EMAIL_WEBHOOK_URL: 'http://127.0.0.1:9/send', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    await waitFor(() => /listening on/.test(out), 30_000, () => out + err);
    const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+) \(/.exec(out)![1]);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    expect(err).toMatch(/^nurture serve: warning: \/metrics is open .*NURTURE_METRICS_TOKEN/m);
    expect(err).toMatch(/^nurture serve: warning: NURTURE_PUBLIC_URL is not set: /m);

    child.kill('SIGTERM');
    await new Promise((resolve) => child!.on('exit', resolve));
    child = undefined;
  });

  it('warns of neither with a metrics token and a public URL; --host sets the address too', async () => {
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      env: { PATH: process.env.PATH, ...env, NURTURE_DRY_RUN: 'false', NURTURE_EMAIL_WEBHOOK_URL: 'http://127.0.0.1:9/send', NURTURE_METRICS_TOKEN: 't', NURTURE_PUBLIC_URL: 'https://nurture.example.com', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    await waitFor(() => /listening on/.test(out), 30_000, () => out + err);
    const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+) \(/.exec(out)![1]);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    expect(err).not.toMatch(/warning/);

    child.kill('SIGTERM');
    await new Promise((resolve) => child!.on('exit', resolve));
    child = undefined;
  });

  it('refuses a bad schedule or bad parameters before starting, naming them', async () => {
    const cron = await runCli(['serve', '--schedule', 'every tuesday'], env);
    expect(cron.code).toBe(2);
    expect(cron.stderr).toMatch(/--schedule is not a valid cron expression/);
    const params = await runCli(['serve'], { ...env, NURTURE_MAX_LEADS_PER_RUN: 'x' });
    expect(params.code).toBe(2);
    expect(params.stderr).toMatch(/invalid parameter max_leads_per_run/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
