import type { EventStore } from '../ports/event-store.js';
import { sequenceStreamId } from '../../domain/sequence/events.js';
import { replay } from '../../domain/sequence/state.js';
import type { LoadedSequence } from '../sequences/load-sequence.js';
import { upcastEvent } from '../sequences/upcast-event.js';

/** Loads many sequences in one read. */
export async function loadSequences(store: EventStore, sequenceIds: number[]): Promise<Map<number, LoadedSequence>> {
  const streams = await store.readStreams(sequenceIds.map(sequenceStreamId));
  const out = new Map<number, LoadedSequence>();
  for (const id of sequenceIds) {
    const stream = streams.get(sequenceStreamId(id))!;
    out.set(id, { state: replay(stream.events.map(upcastEvent).filter((e) => e !== null)), revision: stream.revision });
  }
  return out;
}
