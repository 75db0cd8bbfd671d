import type { SqlClient, SqlPool } from '../application/ports/sql-session.js';
import type { LogCheckpoint, StoredEvent } from '../application/ports/event-store.js';

/** Batches of events applied in memory, written to the read tables by `flush`. */
export interface ProjectionWindow {
  add(client: SqlClient | SqlPool, events: StoredEvent[]): Promise<void>;
  /** How many sequences (or other entities) the window holds rows of: bounds its memory. */
  readonly sequences: number;
  flush(client: SqlClient): Promise<void>;
}

/** Applies a batch of events to read tables, inside the caller's transaction. */
export interface Projection {
  /** The checkpoint's name. */
  readonly name: string;
  /** `from` is the checkpoint the batch starts after. */
  apply(client: SqlClient, events: StoredEvent[], from: LogCheckpoint): Promise<void>;
  /** Optional: applies several batches in memory and writes once (see ProjectionWindow). */
  openWindow?(from: LogCheckpoint): ProjectionWindow;
  /** The batch's transaction committed at `to` (a projection may keep what it wrote in memory). */
  committed?(to: LogCheckpoint): void;
  /** The batch's transaction did not commit: forget anything kept from it. */
  discarded?(): void;
}
