// The nurturing read model: sequences, their emails, engagement summaries and the suppression
// list, projected from the sequence streams. A batch loads the rows it touches, applies the
// events in memory, and writes each table once.
import type pg from 'pg';
import type { LogCheckpoint, StoredEvent } from '../../application/ports/event-store.js';
import { upcastEvent } from '../../application/sequences/upcast-event.js';
import { SEQUENCE_STREAM_PREFIX } from '../../domain/sequence/events.js';
import type { Projection } from '../projection.js';
import { type EventInStream, applyEvent } from './apply-event.js';
import { type ReadModelTables, LIVE_TABLES, loadAffectedRows, writeAffectedRows } from './read-model-tables.js';
import { type AffectedRows, emptyAffectedRows } from './rows.js';

export const NURTURING_READ_MODEL = 'nurturing_read_model';

export class NurturingReadModelProjection implements Projection {
  constructor(
    readonly tables: ReadModelTables = LIVE_TABLES,
    readonly name: string = NURTURING_READ_MODEL,
  ) {}

  // The rows of the last committed batches, kept while this instance is the only writer: valid
  // only as long as the checkpoint a batch starts from is the one this instance last committed
  // (another projector — another instance — having moved it means the rows may have changed).
  private cache: { rows: AffectedRows; at: LogCheckpoint } | null = null;
  private pending: AffectedRows | null = null;

  async apply(client: pg.ClientBase, events: StoredEvent[], from?: LogCheckpoint): Promise<void> {
    const batch = toSequenceEvents(events);
    const cached = this.cache && from && sameCheckpoint(this.cache.at, from) ? this.cache.rows : null;
    this.cache = null;
    const rows = cached ?? emptyAffectedRows();
    rows.suppressions.clear(); // insert-only: only the batch's new ones are written
    this.pending = rows;
    if (batch.length === 0) return;
    const touched = [...new Set(batch.map((e) => e.sequenceId))];
    await loadAffectedRows(client, this.tables, touched.filter((id) => !rows.sequences.has(id) && !rows.summaries.has(id)), rows);
    for (const e of batch) applyEvent(rows, e);
    await writeAffectedRows(client, this.tables, rowsOf(rows, new Set(touched)));
  }

  committed(to: LogCheckpoint): void {
    if (this.pending && this.pending.sequences.size <= MAX_CACHED_SEQUENCES) this.cache = { rows: this.pending, at: to };
    this.pending = null;
  }

  discarded(): void {
    this.cache = null;
    this.pending = null;
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

const MAX_CACHED_SEQUENCES = 25_000;

const sameCheckpoint = (a: LogCheckpoint, b: LogCheckpoint): boolean => a.transactionId === b.transactionId && a.globalPosition === b.globalPosition;

/** The rows of the given sequences (the ones a batch touched). */
function rowsOf(rows: AffectedRows, sequenceIds: Set<number>): AffectedRows {
  const pick = <K, V>(map: Map<K, V>, keep: (key: K, value: V) => boolean) => new Map([...map].filter(([k, v]) => keep(k, v)));
  return {
    sequences: pick(rows.sequences, (id) => sequenceIds.has(id)),
    emails: pick(rows.emails, (_, row) => sequenceIds.has(row.sequence_id)),
    summaries: pick(rows.summaries, (id) => sequenceIds.has(id)),
    suppressions: rows.suppressions,
  };
}

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
