// Runs a projection over the global log: each batch reads from the stored checkpoint, applies
// the events and advances the checkpoint in ONE transaction, so every event takes effect once.
import type pg from 'pg';
import type { EventStore, LogCheckpoint } from '../application/ports/event-store.js';
import { checkpointOf } from '../application/ports/event-store.js';
import { withTransaction } from '../infrastructure/database/database.js';
import { lockCheckpoint, readCheckpoint, saveCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';

/** Reads the global log through a given connection (so reads join the projector's transaction). */
export type LogReaderFor = (client: pg.ClientBase | pg.Pool) => Pick<EventStore, 'readAll' | 'readHead' | 'hasUnread'>;

export interface CatchUpOptions {
  /** Give up (with an error) when an open transaction holds the log back longer than this. */
  timeoutMs?: number;
}

// Measured (bench B4): 10,000 replays about twice as fast as 1,000, within bounded memory.
export const DEFAULT_PROJECTION_BATCH_SIZE = 10_000;

export class Projector {
  constructor(
    private readonly pool: pg.Pool,
    readonly projection: Projection,
    private readonly readerFor: LogReaderFor,
    private readonly batchSize = DEFAULT_PROJECTION_BATCH_SIZE,
  ) {}

  /** Projects one batch; returns how many events it applied (0 = caught up). */
  async processBatch(): Promise<number> {
    let to: LogCheckpoint | null = null;
    try {
      const applied = await withTransaction(this.pool, async (client) => {
        const n = await this.processBatchWith(client);
        to = this.lastApplied;
        return n;
      });
      if (applied > 0 && to) this.projection.committed?.(to);
      return applied;
    } catch (error) {
      this.projection.discarded?.();
      throw error;
    }
  }

  private lastApplied: LogCheckpoint | null = null;

  /** One batch inside the caller's transaction. */
  async processBatchWith(client: pg.ClientBase): Promise<number> {
    const from = await lockCheckpoint(client, this.projection.name);
    const events = await this.readerFor(client).readAll(from, this.batchSize);
    if (events.length === 0) return 0;
    await this.projection.apply(client, events, from);
    this.lastApplied = checkpointOf(events[events.length - 1]!);
    await saveCheckpoint(client, this.projection.name, this.lastApplied);
    return events.length;
  }

  /** Projects every event committed before the call (read-your-writes), then returns how many
   * it applied. The log is read only below the oldest open transaction, so while one is open —
   * anywhere on the server — this waits for it, up to `timeoutMs`. */
  async catchUp(onBatch?: (applied: number) => void, options: CatchUpOptions = {}): Promise<number> {
    const reader = this.readerFor(this.pool);
    const target = await reader.readHead();
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    let total = 0;
    let pause = 2;
    for (;;) {
      const applied = await this.processBatch();
      if (applied > 0) {
        total += applied;
        onBatch?.(applied);
        continue;
      }
      if (!(await reader.hasUnread(await readCheckpoint(this.pool, this.projection.name), target))) return total;
      if (Date.now() > deadline) {
        throw new Error(`projection ${this.projection.name} is behind: an open transaction has held the event log back for over ${options.timeoutMs ?? 60_000} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 100);
    }
  }
}
