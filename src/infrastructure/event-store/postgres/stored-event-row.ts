// The columns the adapter reads from `es_events`, and their mapping to the port's `StoredEvent`.
// int8 and xid8 arrive as decimal text from `pg` (no parser is registered for them); they become
// bigint here, exact beyond 2^53. Columns are selected bare: an alias such as
// `transaction_id::text AS transaction_id` would make `ORDER BY transaction_id` sort by the text.
import type { StoredEvent } from '../../../application/ports/event-store.js';

export const STORED_EVENT_COLUMNS = `global_position, transaction_id, stream_id,
  stream_position, event_id, event_type, schema_version, data, metadata, recorded_at`;

export interface StoredEventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_position: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date;
}

export const toStoredEvent = (row: StoredEventRow): StoredEvent => ({
  streamId: row.stream_id,
  streamPosition: BigInt(row.stream_position),
  globalPosition: BigInt(row.global_position),
  transactionId: BigInt(row.transaction_id),
  eventId: row.event_id,
  type: row.event_type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata,
  recordedAt: row.recorded_at,
});
