import type { CohortFigures, Headline } from './report.js';

const HEADLINES: Headline['name'][] = ['leads_qualified', 'conversion_rate_pct', 'reply_rate_pct', 'avg_days_to_qualify'];

/** The four headline figures beside the previous period's, and the change (2 decimals). */
export const headlinesOf = (current: CohortFigures, previous: CohortFigures): Headline[] =>
  HEADLINES.map((name) => {
    const value = current[name];
    const before = previous[name];
    return { name, value, previous: before, change: value === null || before === null ? null : Math.round((value - before) * 100) / 100 };
  });
