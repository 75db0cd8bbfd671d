// Suppression is checked when sending: the due sequences' states are loaded with one read, and
// their addresses looked up in the suppression list with one query, whatever put them there.
import type { SequenceState } from '../../domain/sequence/state.js';
import { suppressionKeyOf } from '../../domain/suppression/suppression.js';
import { loadSequences } from './load-sequences.js';
import type { PipelineDeps } from './pipeline-deps.js';

export interface LoadedWithSuppressions {
  items: { sequenceId: number; state: SequenceState; revision: bigint }[];
  /** Suppression keys of the loaded sequences' addresses that are on the list. */
  suppressed: Set<string>;
}

export async function loadWithSuppressions(deps: Pick<PipelineDeps, 'store' | 'suppressions'>, sequenceIds: number[]): Promise<LoadedWithSuppressions> {
  const loaded = await loadSequences(deps.store, sequenceIds);
  const items = [...loaded].map(([sequenceId, l]) => ({ sequenceId, ...l }));
  const addresses = items.flatMap((i) => (i.state.email === null ? [] : [i.state.email]));
  return { items, suppressed: await deps.suppressions.suppressedAmong(addresses) };
}

export const isSuppressed = (state: SequenceState, suppressed: ReadonlySet<string>): boolean =>
  state.email !== null && suppressed.has(suppressionKeyOf(state.email));
