import type { EventStore } from '../ports/event-store.js';
import { replay } from '../../domain/sequence/state.js';
import type { SequenceState } from '../../domain/sequence/state.js';
import { sequenceStreamId } from '../../domain/sequence/events.js';
import { upcastEvent } from './upcast-event.js';

export interface LoadedSequence {
  state: SequenceState;
  /** Revision of the stream's last event; -1n when it does not exist. */
  revision: bigint;
}

export async function loadSequence(store: EventStore, sequenceId: number): Promise<LoadedSequence> {
  const { revision, events } = await store.readStream(sequenceStreamId(sequenceId));
  const domainEvents = events.map(upcastEvent).filter((e) => e !== null);
  return { state: replay(domainEvents), revision };
}
