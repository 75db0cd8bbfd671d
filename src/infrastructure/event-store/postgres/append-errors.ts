// Maps the database's refusals of an append to the port's typed errors.
import { ConcurrencyError, type ExpectedRevision } from '../../../application/ports/event-store.js';

/** SQLSTATE raised by `es_append` on an expected-revision mismatch (db/event_store.sql). */
const REVISION_MISMATCH = 'ES409';
const UNIQUE_VIOLATION = '23505';

/** An event id that is already in the store (or twice in one batch). */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(readonly detail: string | undefined) {
    super(`an event id is already in the event store${detail ? `: ${detail}` : ''}`);
  }
}

interface PgError {
  code?: string;
  detail?: string;
  constraint?: string;
}

/** The port's error for a database error raised by `es_append`, or the error itself. */
export function appendError(error: unknown, expectedOf: (streamId: string) => ExpectedRevision): unknown {
  const pgError = error as PgError;
  if (pgError?.code === REVISION_MISMATCH && pgError.detail) {
    const { stream_id, actual } = JSON.parse(pgError.detail) as { stream_id: string; actual: string | null };
    return new ConcurrencyError(stream_id, expectedOf(stream_id), actual === null ? null : BigInt(actual));
  }
  if (pgError?.code === UNIQUE_VIOLATION && pgError.constraint === 'es_events_event_id_key') {
    return new DuplicateEventIdError(pgError.detail);
  }
  return error;
}
