// The qualification check against a (possibly just evolved) state, as a `LeadQualified` event.
import { event, type LeadQualified } from './events.js';
import { isQualified } from './scoring.js';
import type { SequenceState, SequenceStatus } from './state.js';

/** Completed sequences can still qualify: late engagement counts. */
export const QUALIFIABLE_STATUSES: readonly SequenceStatus[] = ['active', 'paused', 'completed'];

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function qualification(state: SequenceState, minScoreToQualify: number, occurredAt: string): LeadQualified[] {
  if (!QUALIFIABLE_STATUSES.includes(state.status)) return [];
  const { clicks, replies } = state.counts;
  if (!isQualified({ total: state.totalScore, clicks, replies, minScoreToQualify })) return [];
  const reason =
    `total score ${state.totalScore} >= ${minScoreToQualify} ` +
    `with ${plural(replies, 'reply', 'replies')}, ${plural(clicks, 'click', 'clicks')}`;
  return [
    event<LeadQualified>('LeadQualified', {
      score: state.totalScore,
      engagementScore: state.engagementScore,
      reason,
      occurredAt,
    }),
  ];
}
