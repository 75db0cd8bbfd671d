// The nurturing read model: sequences, their emails, engagement summaries and the suppression
// list, projected from the sequence streams. A batch loads the rows it touches, applies the
// events in memory, and writes each table once.
import type { SqlClient } from '../../application/ports/sql-session.js';
import type { LogCheckpoint, StoredEvent } from '../../application/ports/event-store.js';
import { upcastEvent } from '../../application/sequences/upcast-event.js';
import { SEQUENCE_STREAM_PREFIX } from '../../domain/sequence/events.js';
import type { Projection, ProjectionWindow } from '../projection.js';
import { type EventInStream, applyEvent } from './apply-event.js';
import { moveGauges } from './gauges.js';
import { type ReadModelTables, LIVE_TABLES, loadAffectedRows, writeAffectedRows } from './read-model-tables.js';
import { type AffectedRows, emailKey, emptyAffectedRows } from './rows.js';

export const NURTURING_READ_MODEL = 'nurturing_read_model';

export class NurturingReadModelProjection implements Projection {
  constructor(
    readonly tables: ReadModelTables = LIVE_TABLES,
    readonly name: string = NURTURING_READ_MODEL,
    /** Keeps the gauges (/metrics, the dashboard) of the tables it writes (the live ones; a rebuild recounts). */
    readonly keepsGauges: boolean = tables === LIVE_TABLES,
  ) {}

  // The rows of the last committed batches, kept while this instance is the only writer: valid
  // only as long as the checkpoint a batch starts from is the one this instance last committed
  // (another projector — another instance — having moved it means the rows may have changed).
  private cache: { rows: AffectedRows; at: LogCheckpoint } | null = null;
  private pending: AffectedRows | null = null;

  async apply(client: SqlClient, events: StoredEvent[], from?: LogCheckpoint): Promise<void> {
    const window = this.openWindow(from);
    await window.add(client, events);
    await window.flush(client);
  }

  committed(to: LogCheckpoint): void {
    if (this.pending && this.pending.sequences.size <= MAX_CACHED_SEQUENCES) this.cache = { rows: this.pending, at: to };
    this.pending = null;
  }

  discarded(): void {
    this.cache = null;
    this.pending = null;
  }

  /** Applies batches in memory and writes the rows they touched once, at `flush`: a sequence
   * touched by several batches of a window is read and written once. The live projector writes
   * a window with its checkpoint in one transaction; the rebuild writes windows of a replay into
   * tables no one else writes. Given the checkpoint the window starts from, it starts from the
   * rows this instance last committed there, if any. Given `carried` — the rows of the previous
   * window, still being written — a sequence found there is taken from it instead of the tables.
   * A window is flushed once. */
  openWindow(from?: LogCheckpoint, carried?: AffectedRows): NurturingWindow {
    const tables = this.tables;
    const keepsGauges = this.keepsGauges;
    const cached = this.cache && from && sameCheckpoint(this.cache.at, from) ? this.cache.rows : null;
    const rows = cached ?? emptyAffectedRows();
    const touched = new Set<number>();
    let opened = false;
    // The cache is taken (and may be changed) only once the window gets events.
    const open = () => {
      if (opened) return;
      opened = true;
      this.cache = null;
      rows.suppressions.clear(); // insert-only: only the window's new ones are written
      this.pending = rows;
    };
    return {
      rows,
      async add(client, events) {
        open();
        const batch = toSequenceEvents(events);
        const fresh = [...new Set(batch.map((e) => e.sequenceId))].filter((id) => !touched.has(id));
        const missing = fresh.filter((id) => !rows.sequences.has(id) && !rows.summaries.has(id) && !(carried && takeCarried(carried, rows, id)));
        await loadAffectedRows(client, tables, missing, rows);
        for (const id of fresh) touched.add(id);
        for (const e of batch) applyEvent(rows, e);
      },
      get sequences() {
        return touched.size;
      },
      async flush(client) {
        const written = cached || touched.size < rows.sequences.size ? rowsOf(rows, touched) : rows;
        if (keepsGauges) await moveGauges(client, tables, written);
        await writeAffectedRows(client, tables, written);
      },
    };
  }
}

export interface NurturingWindow extends ProjectionWindow {
  /** The rows the window holds (to carry into the next window while this one is written). */
  readonly rows: AffectedRows;
}

/** Copies a sequence's rows from the previous window (rows are replaced, never shared: the
 * previous window is being written from them). False if that window did not hold the sequence. */
function takeCarried(carried: AffectedRows, rows: AffectedRows, sequenceId: number): boolean {
  const sequence = carried.sequences.get(sequenceId);
  const summary = carried.summaries.get(sequenceId);
  if (!sequence || !summary) return false;
  rows.sequences.set(sequenceId, { ...sequence });
  rows.summaries.set(sequenceId, { ...summary });
  for (let step = 1; step <= sequence.total_steps; step++) {
    const email = carried.emails.get(emailKey(sequenceId, step));
    if (email) rows.emails.set(emailKey(sequenceId, step), { ...email });
  }
  return true;
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
