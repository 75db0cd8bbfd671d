// Runs a projection over the global log: each batch reads from the stored checkpoint, applies
// the events and advances the checkpoint in ONE transaction, so every event takes effect once.
import type pg from 'pg';
import type { LogCheckpoint, StoredEvent } from '../application/ports/event-store.js';
import { checkpointOf } from '../application/ports/event-store.js';
import { withTransaction } from '../infrastructure/database/database.js';
import { lockCheckpoint, saveCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';

/** Reads the global log through a given connection (so reads join the projector's transaction). */
export type LogReaderFor = (client: pg.ClientBase) => {
  readAll(after: LogCheckpoint, limit: number): Promise<StoredEvent[]>;
};

export const DEFAULT_PROJECTION_BATCH_SIZE = 1000;

export class Projector {
  constructor(
    private readonly pool: pg.Pool,
    readonly projection: Projection,
    private readonly readerFor: LogReaderFor,
    private readonly batchSize = DEFAULT_PROJECTION_BATCH_SIZE,
  ) {}

  /** Projects one batch; returns how many events it applied (0 = caught up). */
  processBatch(): Promise<number> {
    return withTransaction(this.pool, (client) => this.processBatchWith(client));
  }

  /** One batch inside the caller's transaction. */
  async processBatchWith(client: pg.ClientBase): Promise<number> {
    const from = await lockCheckpoint(client, this.projection.name);
    const events = await this.readerFor(client).readAll(from, this.batchSize);
    if (events.length === 0) return 0;
    await this.projection.apply(client, events);
    await saveCheckpoint(client, this.projection.name, checkpointOf(events[events.length - 1]!));
    return events.length;
  }

  /** Projects until the log has nothing more below the oldest open transaction. */
  async catchUp(onBatch?: (applied: number) => void): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await this.processBatch();
      if (applied === 0) return total;
      total += applied;
      onBatch?.(applied);
    }
  }
}
