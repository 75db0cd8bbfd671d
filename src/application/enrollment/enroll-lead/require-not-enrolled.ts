import { InvalidStateError } from '../../../domain/shared/errors.js';
import { SEQUENCE_STREAM_PREFIX } from '../../../domain/sequence/events.js';
import type { EventStore } from '../../ports/event-store.js';
import type { LeadStreamIndex } from '../../ports/lead-stream-index.js';
import { loadSequence } from '../../sequences/load-sequence.js';

/** A lead is enrolled once: a sequence in any status (active, paused, qualified, completed,
 * stopped) keeps it from another, as for runs. Read from the event log, not the lagging projection. */
export async function requireNotEnrolled(leadExtId: string, index: LeadStreamIndex, store: EventStore): Promise<void> {
  const streams = await index.streamsOfLead(leadExtId);
  const latest = streams[streams.length - 1];
  if (latest === undefined) return;
  const sequenceId = Number(latest.slice(SEQUENCE_STREAM_PREFIX.length));
  const { state } = await loadSequence(store, sequenceId);
  throw new InvalidStateError(`lead ${JSON.stringify(leadExtId)} is already enrolled: sequence ${sequenceId} is ${state.status}`);
}
