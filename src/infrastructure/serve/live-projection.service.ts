// Keeps the read tables current while the service runs: catches the projection up every
// NURTURE_PROJECTION_INTERVAL_MS (default 500 ms), one pass at a time. Commands and queries
// that need read-your-writes catch up themselves; this covers webhooks and other writers.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Database } from '../database/database.js';
import { postgresLogReader } from '../event-store/postgres/postgres-event-store.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { NurturingReadModelProjection } from '../../projections/nurturing-read-model/nurturing-read-model.projection.js';
import { Projector } from '../../projections/projector.js';

@Injectable()
export class LiveProjectionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projection');
  private readonly projector: Projector;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(@Inject(DATABASE) db: Database) {
    this.projector = new Projector(db.pool, new NurturingReadModelProjection(), postgresLogReader);
  }

  onApplicationBootstrap(): void {
    const interval = Number(process.env.NURTURE_PROJECTION_INTERVAL_MS) || 500;
    const tick = () => {
      if (this.stopped) return;
      this.pass = this.projector
        .catchUp(undefined, { timeoutMs: 30_000 })
        .catch((error: unknown) => this.logger.warn(`projection pass failed: ${(error as Error).message}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, interval);
        });
    };
    this.timer = setTimeout(tick, interval);
  }

  /** Projects everything committed so far (read-your-writes for callers that need it). */
  catchUp(): Promise<number> {
    return this.projector.catchUp();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
  }
}
