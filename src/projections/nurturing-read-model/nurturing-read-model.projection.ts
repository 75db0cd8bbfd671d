// The nurturing read model: sequences, their emails, engagement summaries and the suppression
// list, projected from the sequence streams. A batch loads the rows it touches, applies the
// events in memory, and writes each table once.
import type pg from 'pg';
import type { StoredEvent } from '../../application/ports/event-store.js';
import { upcastEvent } from '../../application/sequences/upcast-event.js';
import { SEQUENCE_STREAM_PREFIX } from '../../domain/sequence/events.js';
import type { Projection } from '../projection.js';
import { type EventInStream, applyEvent } from './apply-event.js';
import { type ReadModelTables, LIVE_TABLES, loadAffectedRows, writeAffectedRows } from './read-model-tables.js';
import { emptyAffectedRows } from './rows.js';

export const NURTURING_READ_MODEL = 'nurturing_read_model';

export class NurturingReadModelProjection implements Projection {
  constructor(
    readonly tables: ReadModelTables = LIVE_TABLES,
    readonly name: string = NURTURING_READ_MODEL,
  ) {}

  async apply(client: pg.ClientBase, events: StoredEvent[]): Promise<void> {
    const batch = toSequenceEvents(events);
    if (batch.length === 0) return;
    const rows = emptyAffectedRows();
    const ids = [...new Set(batch.map((e) => e.sequenceId))];
    await loadAffectedRows(client, this.tables, ids, rows);
    for (const e of batch) applyEvent(rows, e);
    await writeAffectedRows(client, this.tables, rows);
  }

  /** Applies many batches in memory and writes their rows once, at `flush`: for a replay into
   * tables no one else writes (the rebuild), where re-reading and re-writing a sequence's rows
   * for every batch it appears in is the cost. */
  openWindow(): ProjectionWindow {
    const tables = this.tables;
    let rows = emptyAffectedRows();
    let known = new Set<number>();
    return {
      async add(client, events) {
        const batch = toSequenceEvents(events);
        const unknown = [...new Set(batch.map((e) => e.sequenceId))].filter((id) => !known.has(id));
        await loadAffectedRows(client, tables, unknown, rows);
        for (const id of unknown) known.add(id);
        for (const e of batch) applyEvent(rows, e);
      },
      async flush(client) {
        await writeAffectedRows(client, tables, rows);
        rows = emptyAffectedRows();
        known = new Set();
      },
    };
  }
}

export interface ProjectionWindow {
  add(client: pg.ClientBase | pg.Pool, events: StoredEvent[]): Promise<void>;
  flush(client: pg.ClientBase): Promise<void>;
}

/** Events that change no row: not even loaded. A reservation's email row appears with its outcome. */
const ROW_NEUTRAL = new Set(['EmailSendReserved']);

function toSequenceEvents(events: StoredEvent[]): EventInStream[] {
  const out: EventInStream[] = [];
  for (const stored of events) {
    if (!stored.streamId.startsWith(SEQUENCE_STREAM_PREFIX) || ROW_NEUTRAL.has(stored.type)) continue;
    const event = upcastEvent(stored);
    if (!event) continue;
    const sequenceId = Number(stored.streamId.slice(SEQUENCE_STREAM_PREFIX.length));
    out.push({ sequenceId, streamPosition: stored.streamPosition, event });
  }
  return out;
}
