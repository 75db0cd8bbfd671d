// `nurture serve` as a child process on a case's database: started on a free loopback port, ready
// when /health answers 200, stopped with SIGTERM (SIGKILL after 10 s). Its output is kept and shown
// only if it fails to start.
import { spawn } from 'node:child_process';
import { Browser } from './browser.js';
import { childExecArgv } from './child.js';

const BIN = new URL('../../bin/nurture.js', import.meta.url).pathname;

export async function startServe({ databaseUrl, env = {}, profile = false, timeoutMs = 120_000 }) {
  const proc = spawn(process.execPath, [...childExecArgv(profile, 'nurture-serve'), BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d) => (output += d));
  proc.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve(signal ?? code)));
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const origin = await Promise.race([
      listening(proc, timeoutMs),
      exited.then((code) => Promise.reject(new Error(`nurture serve exited (${code}) before listening`))),
    ]);
    await untilHealthy(origin, timeoutMs);
    return { origin, proc, stop, output: () => output };
  } catch (error) {
    await stop();
    throw new Error(`${error.message}; its output:\n${output.slice(-3000)}`);
  }
}

/** The origin from "nurture serve: listening on http://127.0.0.1:<port>". */
function listening(proc, timeoutMs) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`nurture serve did not listen within ${timeoutMs} ms`)), timeoutMs);
    proc.stdout.on('data', (d) => {
      seen += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
}

async function untilHealthy(origin, timeoutMs) {
  const browser = new Browser(origin);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const res = await browser.request('/health').catch(() => null);
      if (res?.status === 200) return;
      if (Date.now() > deadline) throw new Error(`/health did not answer 200 within ${timeoutMs} ms (last: ${res?.status ?? 'no answer'})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    browser.close();
  }
}
