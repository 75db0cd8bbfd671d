// One template resolution for runs and manual enrollments: the stored templates, validated (an
// invalid one is skipped with its problems), the default template made sure of, and the template a
// lead gets: its most specific match, else the default.
import { ValidationError } from '../../domain/shared/errors.js';
import { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_NAME } from '../../domain/templates/default-template.js';
import { chooseTemplate, type TemplateChoiceLead } from '../../domain/templates/template-choice.js';
import { type FieldError, type TemplateInput, type ValidTemplate, validateTemplate } from '../../domain/templates/template.js';

/** What resolution needs of the TemplateCatalog (a dry run only pretends to create, so the rows it
 * sees may lack an id). */
export interface TemplateRows {
  list(): Promise<TemplateInput[]>;
  getOrCreate(input: TemplateInput): Promise<TemplateInput>;
}

export interface UsableTemplates {
  /** Valid and enabled, the default among them when it is. */
  templates: ValidTemplate[];
  /** null when the default template is disabled or invalid. */
  defaultTemplate: ValidTemplate | null;
  defaultCreated: boolean;
  /** Invalid templates, skipped: their name and their problems in one line. */
  skipped: { name: string; problems: string }[];
  warnings: { name: string; warning: string }[];
}

export async function loadUsableTemplates(catalog: TemplateRows): Promise<UsableTemplates> {
  const rows = await catalog.list();
  const defaultCreated = !rows.some((r) => r.name === DEFAULT_TEMPLATE_NAME);
  if (defaultCreated) rows.push(await catalog.getOrCreate({ ...DEFAULT_TEMPLATE }));
  const usable: UsableTemplates = { templates: [], defaultTemplate: null, defaultCreated, skipped: [], warnings: [] };
  for (const row of rows) {
    const result = validateTemplate(row);
    const name = String(row.name ?? `#${row.id}`);
    if (!result.ok) {
      usable.skipped.push({ name, problems: problemsOf(result.errors) });
      continue;
    }
    for (const warning of result.warnings) usable.warnings.push({ name, warning });
    if (!result.template.enabled) continue;
    usable.templates.push(result.template);
    if (result.template.name === DEFAULT_TEMPLATE_NAME) usable.defaultTemplate = result.template;
  }
  return usable;
}

/** The template a lead is enrolled in: its most specific match, else the default (null if none). */
export const templateForLead = (usable: UsableTemplates, lead: TemplateChoiceLead): ValidTemplate | null =>
  chooseTemplate(lead, usable.templates) ?? usable.defaultTemplate;

/** A template asked for by id or name: valid and enabled, or a ValidationError naming `field`. */
export function requireUsableTemplate(row: TemplateInput, field: string): ValidTemplate {
  const result = validateTemplate(row);
  if (!result.ok) throw new ValidationError(field, `template ${JSON.stringify(row.name)} is invalid (${problemsOf(result.errors)})`);
  if (!result.template.enabled) throw new ValidationError(field, `template ${JSON.stringify(row.name)} is disabled`);
  return result.template;
}

const problemsOf = (errors: FieldError[]): string => errors.map((e) => `${e.field} ${e.message}`).join('; ');
