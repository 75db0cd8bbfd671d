// Records many engagement facts, several per sequence: one read for all the streams, each
// sequence's facts decided in turn on its state, one append for the batch. A stream that moved
// meanwhile has its facts decided again one by one on its fresh state (the facts' ids make that
// safe: one already recorded is a no-op).
import type { RecordEngagement } from '../../domain/sequence/commands.js';
import { recordEngagement } from '../../domain/sequence/decide-engagement.js';
import { type SequenceEvent, sequenceStreamId } from '../../domain/sequence/events.js';
import { InvalidStateError, ValidationError } from '../../domain/shared/errors.js';
import type { EventStore } from '../ports/event-store.js';
import { executeSequenceCommand } from '../sequences/execute-sequence-command.js';
import { appendWhereCurrent } from './append-where-current.js';
import { loadSequences } from './load-sequences.js';

export interface Fact {
  sequenceId: number;
  command: RecordEngagement;
}

export interface RecordInTurnResult {
  /** The facts that added events. */
  recorded: Fact[];
  /** Sequences that qualified. */
  qualified: number;
  refused: { sequenceId: number; reason: string }[];
}

export async function recordInTurn(store: EventStore, facts: readonly Fact[], metadata: Record<string, unknown>): Promise<RecordInTurnResult> {
  const bySequence = new Map<number, Fact[]>();
  for (const fact of facts) {
    const group = bySequence.get(fact.sequenceId);
    if (group) group.push(fact);
    else bySequence.set(fact.sequenceId, [fact]);
  }
  const result: RecordInTurnResult = { recorded: [], qualified: 0, refused: [] };
  const loaded = await loadSequences(store, [...bySequence.keys()]);
  const eventMetadata = { command: 'RecordEngagement', ...metadata };
  const planned: { sequenceId: number; events: SequenceEvent[]; recorded: Fact[]; refused: string[]; revision: bigint }[] = [];
  for (const [sequenceId, group] of bySequence) {
    let { state, revision } = loaded.get(sequenceId)!;
    if (revision < 0n) {
      result.refused.push({ sequenceId, reason: `no sequence ${sequenceId}` });
      continue;
    }
    const p = { sequenceId, events: [] as SequenceEvent[], recorded: [] as Fact[], refused: [] as string[], revision };
    for (const fact of group) {
      try {
        const decided = recordEngagement(fact.command, state);
        state = decided.state;
        if (decided.events.length === 0) continue;
        p.events.push(...decided.events);
        p.recorded.push(fact);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        p.refused.push(error.message);
      }
    }
    planned.push(p);
  }

  const { conflicted } = await appendWhereCurrent(
    store,
    planned.map((p) => ({ streamId: sequenceStreamId(p.sequenceId), expectedRevision: p.revision, events: p.events.map((e) => ({ ...e, metadata: eventMetadata })) })),
  );
  const moved = new Set(conflicted);
  for (const p of planned) {
    if (moved.has(sequenceStreamId(p.sequenceId))) {
      for (const fact of bySequence.get(p.sequenceId)!) {
        try {
          const r = await executeSequenceCommand(store, p.sequenceId, fact.command, { metadata });
          if (r.events.length === 0) continue;
          result.recorded.push(fact);
          result.qualified += r.events.filter((e) => e.type === 'LeadQualified').length;
        } catch (error) {
          if (!isRefusal(error)) throw error;
          result.refused.push({ sequenceId: p.sequenceId, reason: error.message });
        }
      }
      continue;
    }
    result.recorded.push(...p.recorded);
    for (const reason of p.refused) result.refused.push({ sequenceId: p.sequenceId, reason });
    result.qualified += p.events.filter((e) => e.type === 'LeadQualified').length;
  }
  return result;
}

const isRefusal = (error: unknown): error is Error => error instanceof InvalidStateError || error instanceof ValidationError;
