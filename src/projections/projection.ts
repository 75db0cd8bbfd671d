import type pg from 'pg';
import type { LogCheckpoint, StoredEvent } from '../application/ports/event-store.js';

/** Applies a batch of events to read tables, inside the caller's transaction. */
export interface Projection {
  /** The checkpoint's name. */
  readonly name: string;
  /** `from` is the checkpoint the batch starts after. */
  apply(client: pg.ClientBase, events: StoredEvent[], from: LogCheckpoint): Promise<void>;
  /** The batch's transaction committed at `to` (a projection may keep what it wrote in memory). */
  committed?(to: LogCheckpoint): void;
  /** The batch's transaction did not commit: forget anything kept from it. */
  discarded?(): void;
}
