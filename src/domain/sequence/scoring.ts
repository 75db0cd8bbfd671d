// The specification's scoring ("Cálculo de Scores"), counted over the whole sequence.

export interface EngagementCounts {
  opens: number;
  clicks: number;
  replies: number;
}

const replyPoints = (replies: number): number => (replies >= 2 ? 25 : replies === 1 ? 15 : 0);
const clickPoints = (clicks: number): number => (clicks >= 2 ? 12 : clicks === 1 ? 8 : 0);
// A single open earns nothing: one open is too easily an accident (or a preview pane).
const openPoints = (opens: number): number => (opens >= 4 ? 15 : opens === 3 ? 10 : opens === 2 ? 5 : 0);

export function engagementScore({ opens, clicks, replies }: EngagementCounts): number {
  return replyPoints(replies) + clickPoints(clicks) + openPoints(opens);
}

/** The lead's base score (null counts as 0) plus the engagement score. */
export function totalScore(baseScore: number | null, engagement: number): number {
  return (baseScore ?? 0) + engagement;
}

export interface QualificationInput {
  total: number;
  clicks: number;
  replies: number;
  minScoreToQualify: number;
}

/** Enough points AND significant engagement (a reply or a click); opens alone never qualify. */
export function isQualified({ total, clicks, replies, minScoreToQualify }: QualificationInput): boolean {
  return total >= minScoreToQualify && replies + clicks >= 1;
}
