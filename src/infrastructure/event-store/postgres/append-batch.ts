// Turns a batch of stream appends into the parameters of `es_append` (db/event_store.sql): a few
// flat arrays and ONE JSON document for all events, so a batch costs one statement and one
// JSON.stringify whatever its size.
import { randomUUID } from 'node:crypto';
import type { AppendToStream, ExpectedRevision, NewEvent } from '../../../application/ports/event-store.js';
import { ValidationError } from '../../../domain/shared/errors.js';

/** A new event whose id the writer chose (for idempotent retries); other events get a random UUID. */
export type NewEventWithId = NewEvent & { eventId?: string };

/** The positional parameters of `es_append`. */
export type AppendParameters = [
  streamIds: string[],
  expected: (string | null)[],
  counts: number[],
  eventStreams: number[],
  eventOffsets: number[],
  events: string,
];

export function appendParameters(appends: readonly AppendToStream[]): AppendParameters {
  const streamIds: string[] = [];
  const expected: (string | null)[] = [];
  const counts: number[] = [];
  const eventStreams: number[] = [];
  const eventOffsets: number[] = [];
  const events: unknown[] = [];
  const seen = new Set<string>();
  appends.forEach((append, index) => {
    const { streamId } = append;
    if (typeof streamId !== 'string' || streamId === '') {
      throw new ValidationError(`appends[${index}].streamId`, 'must be a non-empty string');
    }
    if (seen.has(streamId)) {
      throw new ValidationError(`appends[${index}].streamId`, `stream ${streamId} appears twice in one batch`);
    }
    seen.add(streamId);
    streamIds.push(streamId);
    expected.push(expectedParameter(append.expectedRevision, `appends[${index}].expectedRevision`));
    counts.push(append.events.length);
    const streamNumber = index + 1; // 1-based, as PostgreSQL arrays
    append.events.forEach((event: NewEventWithId, offset) => {
      eventStreams.push(streamNumber);
      eventOffsets.push(offset);
      events.push([event.eventId ?? randomUUID(), event.type, event.schemaVersion, event.data, event.metadata ?? {}]);
    });
  });
  return [streamIds, expected, counts, eventStreams, eventOffsets, JSON.stringify(events)];
}

/** 'any' → NULL (no check), 'no_stream' → -1, a revision → itself (as text: exact beyond 2^53). */
function expectedParameter(revision: ExpectedRevision, field: string): string | null {
  if (revision === 'any') return null;
  if (revision === 'no_stream') return '-1';
  if (typeof revision === 'bigint' && revision >= -1n) return revision.toString();
  throw new ValidationError(field, `must be 'any', 'no_stream' or a revision >= -1n, got ${String(revision)}`);
}
