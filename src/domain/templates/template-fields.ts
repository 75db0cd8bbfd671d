// The lead fields a template may name as `{{placeholders}}`: the ONE list that validation (an unknown
// name is an error) and rendering (only these are taken from the lead) share.

/** The scalar columns of the `leads` table that read well in an email, plus `lead_ext_id` (= `ext_id`). */
export const TEMPLATE_FIELDS = ['first_name', 'last_name', 'company', 'email', 'lead_ext_id', 'ext_id', 'priority', 'score', 'source'] as const;

export type TemplateFieldName = (typeof TEMPLATE_FIELDS)[number];

const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_FIELDS);

export const isTemplateField = (name: string): name is TemplateFieldName => KNOWN.has(name);

/** The known fields of `record` (own properties only), everything else dropped. */
export function pickTemplateFields<V>(record: Readonly<Record<string, V>>): Partial<Record<TemplateFieldName, V>> {
  const picked: Partial<Record<TemplateFieldName, V>> = {};
  for (const name of TEMPLATE_FIELDS) if (Object.hasOwn(record, name)) picked[name] = record[name];
  return picked;
}

/** Optimal string alignment distance (edits, adjacent swaps included): `frist_name` is 1 from `first_name`. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known field `name` was most likely meant to be, if one is close enough (a typo, a case slip). */
export function suggestTemplateField(name: string): TemplateFieldName | null {
  const lower = name.toLowerCase();
  let best: { field: TemplateFieldName; score: number } | null = null;
  for (const field of TEMPLATE_FIELDS) {
    const score = distance(lower, field);
    if (score <= Math.max(1, Math.floor(field.length / 4)) && (best === null || score < best.score)) best = { field, score };
  }
  return best?.field ?? null;
}

/** The message for a placeholder naming no known field. */
export function unknownFieldMessage(name: string): string {
  const suggestion = suggestTemplateField(name);
  const hint = suggestion === null ? '' : `did you mean {{${suggestion}}}? `;
  return `unknown placeholder {{${name}}} (${hint}known fields: ${TEMPLATE_FIELDS.join(', ')})`;
}
