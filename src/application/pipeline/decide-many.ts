// Runs one command against each of many sequences: one read for all streams, decisions in
// memory, one append for the batch. A stream that moved meanwhile is decided again on its fresh
// state (which may now refuse — e.g. another sender reserved the step first).
import type { EventStore } from '../ports/event-store.js';
import type { SequenceCommand } from '../../domain/sequence/commands.js';
import { decide } from '../../domain/sequence/decide.js';
import { type SequenceEvent, sequenceStreamId } from '../../domain/sequence/events.js';
import type { SequenceState } from '../../domain/sequence/state.js';
import { InvalidStateError, ValidationError } from '../../domain/shared/errors.js';
import { executeSequenceCommand } from '../sequences/execute-sequence-command.js';
import { appendWhereCurrent } from './append-where-current.js';
import { loadSequences } from './load-sequences.js';

export interface Decided {
  sequenceId: number;
  /** The state the command was decided on. */
  state: SequenceState;
  events: SequenceEvent[];
  revision: bigint;
}

export interface DecideManyResult {
  decided: Decided[];
  /** Sequences whose state refused the command, with the reason. */
  refused: { sequenceId: number; reason: string }[];
}

/** `commandFor` returns null to leave a sequence alone. */
export async function decideMany(
  store: EventStore,
  sequenceIds: number[],
  commandFor: (state: SequenceState, sequenceId: number) => SequenceCommand | null | Promise<SequenceCommand | null>,
  metadata: Record<string, unknown>,
): Promise<DecideManyResult> {
  const loaded = await loadSequences(store, sequenceIds);
  return decideOnStates(store, [...loaded].map(([sequenceId, l]) => ({ sequenceId, ...l })), commandFor, metadata);
}

/** The same on states the caller already holds (each at `revision`), saving the read. */
export async function decideOnStates(
  store: EventStore,
  items: { sequenceId: number; state: SequenceState; revision: bigint }[],
  commandFor: (state: SequenceState, sequenceId: number) => SequenceCommand | null | Promise<SequenceCommand | null>,
  metadata: Record<string, unknown>,
): Promise<DecideManyResult> {
  const result: DecideManyResult = { decided: [], refused: [] };
  const batch: (Decided & { command: SequenceCommand })[] = [];
  for (const { sequenceId, state, revision } of items) {
    const command = await commandFor(state, sequenceId);
    if (!command) continue;
    try {
      const events = decide(command, state);
      if (events.length > 0) batch.push({ sequenceId, state, events, revision, command });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      result.refused.push({ sequenceId, reason: error.message });
    }
  }
  const { appended, conflicted } = await appendWhereCurrent(
    store,
    batch.map((d) => ({
      streamId: sequenceStreamId(d.sequenceId),
      expectedRevision: d.revision < 0n ? ('no_stream' as const) : d.revision,
      events: d.events.map((e) => ({ ...e, metadata: { command: d.command.type, ...metadata } })),
    })),
  );
  const revisionOf = new Map(appended.map((a) => [a.streamId, a.nextRevision]));
  for (const { command: _command, ...d } of batch) {
    const revision = revisionOf.get(sequenceStreamId(d.sequenceId));
    if (revision !== undefined) result.decided.push({ ...d, revision });
  }
  for (const streamId of conflicted) {
    const { sequenceId } = batch.find((b) => sequenceStreamId(b.sequenceId) === streamId)!;
    const fresh = (await loadSequences(store, [sequenceId])).get(sequenceId)!;
    const command = await commandFor(fresh.state, sequenceId);
    if (!command) continue;
    try {
      const r = await executeSequenceCommand(store, sequenceId, command, { metadata });
      if (r.events.length > 0) result.decided.push({ sequenceId, state: fresh.state, events: r.events, revision: r.revision });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      result.refused.push({ sequenceId, reason: error.message });
    }
  }
  return result;
}

const isRefusal = (error: unknown): error is Error => error instanceof InvalidStateError || error instanceof ValidationError;
