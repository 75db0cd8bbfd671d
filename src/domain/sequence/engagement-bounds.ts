// How much engagement one sequence records. Scores saturate early (4 opens, 2 clicks, 2 replies:
// scoring.ts), so facts beyond a few hundred of one type say nothing new; without a bound a
// reporter could grow a sequence's stream, and its list of seen provider event ids that every
// decision scans and every fact copies, without limit.
//
// Each engagement event type (EmailDelivered, EmailOpened, … SpamComplained) is recorded at most
// MAX_FACTS_PER_TYPE times per sequence; a further fact of that type is acknowledged and not
// recorded, as a repeat is. Exception: a fact that stops an active or paused sequence (hard
// bounce, unsubscribe, complaint) is always recorded, so no flood can keep a sequence sending;
// after it the sequence is stopped and the bound applies again. So the seen list holds at most
// 7 × MAX_FACTS_PER_TYPE + 1 ids, and since nothing is ever evicted from it, a late repeat is
// still recognised and never scores twice. Decided from the state alone: replays agree.
import type { EngagementEvent } from './events.js';
import type { SequenceState } from './state.js';

export const MAX_FACTS_PER_TYPE = 200;

export const factsOfType = (state: SequenceState, type: EngagementEvent['type']): number => state.factsByType[type] ?? 0;

export const isOverFactBound = (state: SequenceState, type: EngagementEvent['type']): boolean => factsOfType(state, type) >= MAX_FACTS_PER_TYPE;
