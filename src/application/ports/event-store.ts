// The event store port. Its adapter is PostgreSQL (src/infrastructure/event-store/postgres); the contract
// tests in test/event-store hold any other adapter to the same behaviour.

/** Revision a writer expects a stream to be at: a number (0-based revision of its last event),
 * `'no_stream'` (must not exist yet) or `'any'` (no check). */
export type ExpectedRevision = bigint | 'no_stream' | 'any';

export interface NewEvent {
  /** Chosen by the writer for idempotency, else generated; unique across the log. */
  eventId?: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  /** Correlation/causation ids, actor, etc. */
  metadata?: Record<string, unknown>;
}

export interface StoredEvent {
  streamId: string;
  /** 0-based position within the stream (= the stream's revision after this event). */
  streamPosition: bigint;
  /** Position in the global log (unique, increasing in append order, not in commit order). */
  globalPosition: bigint;
  /** The id of the writing transaction; the log is read in (transactionId, globalPosition) order. */
  transactionId: bigint;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: Record<string, unknown>;
  recordedAt: Date;
}

export interface AppendToStream {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: NewEvent[];
}

export interface AppendResult {
  streamId: string;
  /** The stream's revision after the append. */
  nextRevision: bigint;
}

/** A position in the global log: everything at or before it has been read. */
export interface LogCheckpoint {
  transactionId: bigint;
  globalPosition: bigint;
}

export const LOG_START: LogCheckpoint = { transactionId: 0n, globalPosition: 0n };

export interface ReadStreamResult {
  /** Revision of the last event, or -1n when the stream does not exist. */
  revision: bigint;
  events: StoredEvent[];
}

export interface EventStore {
  /** Appends to one stream, checking its expected revision. Throws `ConcurrencyError` on mismatch. */
  appendToStream(streamId: string, expectedRevision: ExpectedRevision, events: NewEvent[]): Promise<AppendResult>;
  /** Appends to many streams atomically: all or none. One round trip per batch. */
  appendToStreams(appends: AppendToStream[]): Promise<AppendResult[]>;
  readStream(streamId: string): Promise<ReadStreamResult>;
  /** Reads many streams in one round trip (a map keyed by stream id). */
  readStreams(streamIds: string[]): Promise<Map<string, ReadStreamResult>>;
  /** The events of each stream after the given revision, in one round trip (for callers that
   * hold a stream's state up to that revision). */
  readStreamsAfter(after: Map<string, bigint>): Promise<Map<string, StoredEvent[]>>;
  /** Reads committed events after `after`, in commit order, never skipping one that committed late. */
  readAll(after: LogCheckpoint, limit: number): Promise<StoredEvent[]>;
  /** The highest global position committed so far (0n when the log is empty). */
  readHead(): Promise<bigint>;
  /** Whether a committed event at or below `upTo` lies beyond `after` (not read yet). `readAll`
   * can hold such an event back while an older transaction — anywhere on the server — is open. */
  hasUnread(after: LogCheckpoint, upTo: bigint): Promise<boolean>;
}

export const EVENT_STORE = Symbol('EventStore');

export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | null,
  ) {
    super(
      `stream ${streamId}: expected revision ${String(expected)}, found ${actual === null ? 'unknown' : String(actual)}`,
    );
  }
}

export const checkpointOf = (e: StoredEvent): LogCheckpoint => ({
  transactionId: e.transactionId,
  globalPosition: e.globalPosition,
});
