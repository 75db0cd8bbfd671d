// Forked helper processes (the email sink, the B3 client) and request/response over their IPC channel.
import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export const PROFILE_DIR = new URL('../profiles/', import.meta.url).pathname;

/** Node flags for a child: --cpu-prof into bench/profiles/ when profiling. */
export function childExecArgv(profile, name) {
  if (!profile) return [];
  mkdirSync(PROFILE_DIR, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`];
}

export class Child {
  static async start(script, { profile = false, name = 'child' } = {}) {
    const proc = fork(new URL(`../processes/${script}`, import.meta.url).pathname, [], {
      execArgv: childExecArgv(profile, name),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const child = new Child(proc);
    child.ready = await child.next('ready');
    return child;
  }

  constructor(proc) {
    this.proc = proc;
    this.waiting = [];
    proc.on('message', (m) => {
      const i = this.waiting.findIndex((w) => w.type === m.type || m.type === 'error');
      if (i >= 0) this.waiting.splice(i, 1)[0].resolve(m);
    });
    proc.on('exit', (code) => {
      for (const w of this.waiting.splice(0)) w.reject(new Error(`child exited (${code}) while waiting for ${w.type}`));
    });
  }

  next(type) {
    return new Promise((resolve, reject) => this.waiting.push({ type, resolve, reject }));
  }

  async request(message, replyType = message.type) {
    const reply = this.next(replyType);
    this.proc.send(message);
    const m = await reply;
    if (m.type === 'error') throw new Error(m.message);
    return m;
  }

  async stop() {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    this.proc.send({ type: 'stop' });
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

export async function startSink(profile) {
  const sink = await Child.start('sink.js', { profile, name: 'sink' });
  sink.url = `http://127.0.0.1:${sink.ready.port}/send`;
  sink.stats = () => sink.request({ type: 'stats' });
  sink.reset = () => sink.request({ type: 'reset' });
  return sink;
}
