// The PostgreSQL event store (db/event_store.sql): streams with optimistic concurrency and a global
// log read in (transaction_id, global_position) order below the oldest running transaction, with the
// checkpoint kept as that pair, so a reader never skips or repeats an event that committed late.
import type pg from 'pg';
import type {
  AppendResult,
  AppendToStream,
  EventStore,
  ExpectedRevision,
  LogCheckpoint,
  NewEvent,
  ReadStreamResult,
  StoredEvent,
} from '../../../application/ports/event-store.js';
import { ValidationError } from '../../../domain/shared/errors.js';
import { appendParameters } from './append-batch.js';
import { appendError } from './append-errors.js';
import { STORED_EVENT_COLUMNS, type StoredEventRow, toStoredEvent } from './stored-event-row.js';

/** A pool (each call on any free connection) or one client (each call inside its transaction, if any). */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

const APPEND = 'SELECT es_append($1::text[], $2::bigint[], $3::int[], $4::int[], $5::int[], $6::jsonb) AS revisions';

const READ_ALL = `
  SELECT ${STORED_EVENT_COLUMNS}
    FROM es_events
   WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
     AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
   ORDER BY transaction_id, global_position
   LIMIT $3`;

const READ_STREAMS = `
  SELECT ${STORED_EVENT_COLUMNS}
    FROM es_events
   WHERE stream_id = ANY($1::text[])
   ORDER BY stream_id, stream_position`;

const READ_STREAMS_AFTER = `
  SELECT ${STORED_EVENT_COLUMNS.split(',').map((column) => `e.${column.trim()}`).join(', ')}
    FROM unnest($1::text[], $2::bigint[]) AS s(stream_id, after_position)
    JOIN es_events e ON e.stream_id = s.stream_id AND e.stream_position > s.after_position
   ORDER BY e.stream_id, e.stream_position`;

export class PostgresEventStore implements EventStore {
  /** On a pool, or on one client inside the caller's transaction: then its appends commit or roll
   * back with the caller's work, and a refused append (`ConcurrencyError`) aborts that transaction,
   * as any failed statement does (roll back and retry the whole unit of work). */
  constructor(private readonly db: Queryable) {}

  async appendToStream(streamId: string, expectedRevision: ExpectedRevision, events: NewEvent[]): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ streamId, expectedRevision, events }]);
    return result!;
  }

  async appendToStreams(appends: AppendToStream[]): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    const parameters = appendParameters(appends);
    let revisions: string[];
    try {
      const { rows } = await this.db.query<{ revisions: string[] }>(APPEND, parameters);
      revisions = rows[0]!.revisions;
    } catch (error) {
      throw appendError(error, (id) => appends.find((a) => a.streamId === id)!.expectedRevision);
    }
    return appends.map((a, i) => ({ streamId: a.streamId, nextRevision: BigInt(revisions[i]!) }));
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    return (await this.readStreams([streamId])).get(streamId)!;
  }

  async readStreams(streamIds: string[]): Promise<Map<string, ReadStreamResult>> {
    const result = new Map<string, ReadStreamResult>();
    for (const id of streamIds) result.set(id, { revision: -1n, events: [] });
    if (streamIds.length === 0) return result;
    const { rows } = await this.db.query<StoredEventRow>(READ_STREAMS, [streamIds]);
    for (const row of rows) {
      const event = toStoredEvent(row);
      const stream = result.get(event.streamId)!;
      stream.events.push(event);
      stream.revision = event.streamPosition;
    }
    return result;
  }

  async readHead(): Promise<bigint> {
    const { rows } = await this.db.query<{ head: string | null }>('SELECT max(global_position)::text AS head FROM es_events');
    return BigInt(rows[0]!.head ?? '0');
  }

  async hasUnread(after: LogCheckpoint, upTo: bigint): Promise<boolean> {
    const { rows } = await this.db.query<{ unread: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM es_events
          WHERE global_position <= $3::bigint AND (transaction_id, global_position) > ($1::xid8, $2::bigint)
       ) AS unread`,
      [after.transactionId.toString(), after.globalPosition.toString(), upTo.toString()],
    );
    return rows[0]!.unread;
  }

  async readStreamsAfter(after: Map<string, bigint>): Promise<Map<string, StoredEvent[]>> {
    const result = new Map<string, StoredEvent[]>();
    for (const id of after.keys()) result.set(id, []);
    if (after.size === 0) return result;
    const { rows } = await this.db.query<StoredEventRow>(READ_STREAMS_AFTER, [[...after.keys()], [...after.values()].map(String)]);
    for (const row of rows) {
      const event = toStoredEvent(row);
      result.get(event.streamId)!.push(event);
    }
    return result;
  }

  async readAll(after: LogCheckpoint, limit: number): Promise<StoredEvent[]> {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new ValidationError('limit', `must be a positive integer, got ${limit}`);
    }
    const values = [after.transactionId.toString(), after.globalPosition.toString(), limit];
    const { rows } = await this.db.query<StoredEventRow>(READ_ALL, values);
    return rows.map(toStoredEvent);
  }
}

/** The log reader a projector uses: this store on the projector's own connection. */
export const postgresLogReader = (client: Queryable): PostgresEventStore => new PostgresEventStore(client);
