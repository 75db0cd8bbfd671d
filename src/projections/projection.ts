import type pg from 'pg';
import type { StoredEvent } from '../application/ports/event-store.js';

/** Applies a batch of events to read tables, inside the caller's transaction. */
export interface Projection {
  /** The checkpoint's name. */
  readonly name: string;
  apply(client: pg.ClientBase, events: StoredEvent[]): Promise<void>;
}
