// Which template a lead's sequence uses: the most specific enabled template that matches the lead.
import type { ValidTemplate } from './template.js';

export interface TemplateChoiceLead {
  score: number | null;
  priority: string | null;
}

/** A null filter matches any lead; a lead without priority matches only a null filter. */
export function templateMatches(lead: TemplateChoiceLead, template: ValidTemplate): boolean {
  const score = lead.score ?? 0;
  return (
    template.enabled &&
    (template.priorityFilter === null || template.priorityFilter === lead.priority) &&
    template.minScore <= score &&
    score <= template.maxScore
  );
}

// Most specific first: a priority filter, then the narrower score range; then lower id, then name,
// so the choice is stable whatever order the rows come in.
function bySpecificity(a: ValidTemplate, b: ValidTemplate): number {
  const filtered = Number(b.priorityFilter !== null) - Number(a.priorityFilter !== null);
  const narrower = a.maxScore - a.minScore - (b.maxScore - b.minScore);
  const lowerId = (a.id ?? Number.MAX_SAFE_INTEGER) - (b.id ?? Number.MAX_SAFE_INTEGER);
  const name = a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return filtered || narrower || lowerId || name;
}

/** The template to use, or null when none matches (the caller then falls back to the default). */
export function chooseTemplate(lead: TemplateChoiceLead, templates: readonly ValidTemplate[]): ValidTemplate | null {
  return [...templates].filter((t) => templateMatches(lead, t)).sort(bySpecificity)[0] ?? null;
}
