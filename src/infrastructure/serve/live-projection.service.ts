// Keeps the read tables current while the service runs: catches the projection up every
// NURTURE_PROJECTION_INTERVAL_MS (default 500 ms), one pass at a time. Commands and queries
// that need read-your-writes catch up themselves; this covers webhooks and other writers.
// On a server database the passes run in a worker thread, off the thread serving HTTP.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Database } from '../database/database.js';
import { postgresLogReader } from '../event-store/postgres/postgres-event-store.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { NurturingReadModelProjection } from '../../projections/nurturing-read-model/nurturing-read-model.projection.js';
import { Projector } from '../../projections/projector.js';
import { WorkerProjector } from '../projections/worker-projector.js';

@Injectable()
export class LiveProjectionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projection');
  private readonly project: (timeoutMs?: number) => Promise<number>;
  private readonly worker: WorkerProjector | null;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(@Inject(DATABASE) db: Database) {
    this.worker = db.mode === 'server' ? WorkerProjector.forConnection(db.connection) : null;
    if (this.worker) {
      const worker = this.worker;
      this.project = (timeoutMs) => worker.catchUp({ timeoutMs });
    } else {
      const inThread = new Projector(db.pool, new NurturingReadModelProjection(), postgresLogReader);
      this.project = (timeoutMs) => inThread.catchUp(undefined, { timeoutMs });
    }
  }

  onApplicationBootstrap(): void {
    const interval = Number(process.env.NURTURE_PROJECTION_INTERVAL_MS) || 500;
    const tick = () => {
      if (this.stopped) return;
      this.pass = this.project(30_000)
        .catch((error: unknown) => this.logger.warn(`projection pass failed: ${(error as Error).message}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, interval);
        });
    };
    this.timer = setTimeout(tick, interval);
  }

  /** Projects everything committed so far (read-your-writes for callers that need it). */
  catchUp(): Promise<number> {
    return this.project();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
    await this.worker?.close();
  }
}
