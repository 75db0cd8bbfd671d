// A projector whose work runs in a worker thread on its own connections (server databases only:
// the embedded database has one session). `catchUp` has the in-thread projector's meaning: every
// event committed before the call is projected when it resolves. A worker that dies is replaced
// at the next call; the calls it had not answered fail.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type pg from 'pg';
import type { ProjectionRequest, ProjectionResponse } from './projection-worker-messages.js';

/** The built worker next to this module (absent when the sources run untranspiled, e.g. in jest). */
export const BUILT_WORKER = new URL('./projection-worker.js', import.meta.url);

interface Waiting {
  worker: Worker;
  resolve: (applied: number) => void;
  reject: (error: Error) => void;
}

export class WorkerProjector {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  private constructor(
    private readonly connection: pg.ClientConfig,
    private readonly script: URL,
  ) {}

  /** A worker projector for this connection, or null where the worker script is not built. */
  static forConnection(connection: pg.ClientConfig, script: URL = BUILT_WORKER): WorkerProjector | null {
    return existsSync(fileURLToPath(script)) ? new WorkerProjector(connection, script) : null;
  }

  catchUp(options: { timeoutMs?: number } = {}): Promise<number> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      this.waiting.set(id, { worker, resolve, reject });
      worker.ref(); // an unanswered request keeps the process alive
      worker.postMessage({ type: 'catchUp', id, timeoutMs: options.timeoutMs } satisfies ProjectionRequest);
    });
  }

  /** Lets the worker finish and close its connections. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage({ type: 'close' } satisfies ProjectionRequest);
    await exited;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { connection: this.connection } });
    worker.unref();
    worker.on('message', (response: ProjectionResponse) => {
      const waiting = this.waiting.get(response.id);
      if (!waiting) return;
      this.waiting.delete(response.id);
      if (![...this.waiting.values()].some((w) => w.worker === worker)) worker.unref();
      if ('error' in response) waiting.reject(new Error(response.error));
      else waiting.resolve(response.applied);
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, w] of this.waiting) {
        if (w.worker !== worker) continue;
        this.waiting.delete(id);
        w.reject(error);
      }
    };
    worker.on('error', (error) => failAll(error));
    worker.on('exit', (code) => failAll(new Error(`the projection worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
