// How recorded engagement is judged, the same however it arrives (a run, a webhook, a command):
// `min_score_to_qualify` and `stop_on_reply`, read once from the run parameters' sources.
import type { RunParameters } from '../pipeline/run-parameters.js';

export interface EngagementPolicy {
  minScoreToQualify: number;
  stopOnReply: boolean;
}

export const ENGAGEMENT_POLICY = Symbol('EngagementPolicy');

export const engagementPolicyOf = (p: Pick<RunParameters, 'min_score_to_qualify' | 'stop_on_reply'>): EngagementPolicy => ({
  minScoreToQualify: p.min_score_to_qualify,
  stopOnReply: p.stop_on_reply,
});
