// Holds recently used sequence states, so a caller that touches the same sequences again and
// again (the webhooks) reads only the events appended since, not whole streams. A state is only
// a starting point: appends still check the stream's revision, so a stale entry costs a retry,
// never a wrong decision.
import { sequenceStreamId } from '../../domain/sequence/events.js';
import { evolve, initialState } from '../../domain/sequence/state.js';
import type { EventStore } from '../ports/event-store.js';
import type { LoadedSequence } from './load-sequence.js';
import { upcastEvent } from './upcast-event.js';

export class SequenceStateCache {
  private readonly entries = new Map<number, LoadedSequence>();

  constructor(
    private readonly store: EventStore,
    private readonly maxEntries = 20_000,
  ) {}

  /** The current state of each sequence: cached ones caught up, the others read whole. */
  async load(sequenceIds: number[]): Promise<Map<number, LoadedSequence>> {
    const cached = new Map<string, bigint>();
    const cold: number[] = [];
    for (const id of sequenceIds) {
      const entry = this.entries.get(id);
      if (entry) cached.set(sequenceStreamId(id), entry.revision);
      else cold.push(id);
    }
    const tails = await this.store.readStreamsAfter(cached);
    const whole = await this.store.readStreams(cold.map(sequenceStreamId));
    const out = new Map<number, LoadedSequence>();
    for (const id of sequenceIds) {
      const streamId = sequenceStreamId(id);
      const base = this.entries.get(id) ?? { state: initialState, revision: -1n };
      const events = tails.get(streamId) ?? whole.get(streamId)?.events ?? [];
      let { state, revision } = base;
      for (const stored of events) {
        const event = upcastEvent(stored);
        if (event) state = evolve(state, event);
        revision = stored.streamPosition;
      }
      out.set(id, { state, revision });
      if (revision >= 0n) this.remember(id, state, revision);
    }
    return out;
  }

  /** Drops a state that may be wrong (its append failed or conflicted): the next load reads the stream. */
  forget(sequenceId: number): void {
    this.entries.delete(sequenceId);
  }

  /** Records a state the caller reached (or is about to reach) by its own append. */
  remember(sequenceId: number, state: LoadedSequence['state'], revision: bigint): void {
    this.entries.delete(sequenceId);
    this.entries.set(sequenceId, { state, revision });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
