// Which template a manual enrollment uses, validated as runs validate templates.
import { NotFoundError, InvalidStateError, ValidationError } from '../../../domain/shared/errors.js';
import { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_NAME } from '../../../domain/templates/default-template.js';
import { chooseTemplate } from '../../../domain/templates/template-choice.js';
import { type ValidTemplate, validateTemplate } from '../../../domain/templates/template.js';
import type { StoredTemplate, TemplateCatalog } from '../../ports/template-catalog.js';
import type { EnrollableLead } from '../../ports/lead-source.js';

export interface TemplateRef {
  id?: number;
  name?: string;
}

function usable(row: StoredTemplate, field: string): ValidTemplate {
  const result = validateTemplate(row);
  if (!result.ok) {
    const problems = result.errors.map((e) => `${e.field} ${e.message}`).join('; ');
    throw new ValidationError(field, `template ${JSON.stringify(row.name)} is invalid (${problems})`);
  }
  if (!result.template.enabled) throw new ValidationError(field, `template ${JSON.stringify(row.name)} is disabled`);
  return result.template;
}

export async function resolveTemplate(catalog: TemplateCatalog, ref: TemplateRef, lead: EnrollableLead): Promise<ValidTemplate> {
  if (ref.id !== undefined && ref.name !== undefined) throw new ValidationError('template_id', 'give template_id or template_name, not both');
  if (ref.id !== undefined) {
    const row = await catalog.findById(ref.id);
    if (row === null) throw new NotFoundError(`template_id: no template with id ${ref.id}`);
    return usable(row, 'template_id');
  }
  if (ref.name !== undefined) {
    const row = await catalog.findByName(ref.name);
    if (row === null) throw new NotFoundError(`template_name: no template named ${JSON.stringify(ref.name)}`);
    return usable(row, 'template_name');
  }
  // As a run chooses: the most specific valid, enabled template that matches; else the default.
  const valid = (await catalog.list()).flatMap((row) => {
    const result = validateTemplate(row);
    return result.ok && result.template.enabled ? [result.template] : [];
  });
  const chosen = chooseTemplate({ score: lead.score, priority: lead.priority }, valid);
  if (chosen !== null) return chosen;
  const fallback = validateTemplate(await catalog.getOrCreate({ ...DEFAULT_TEMPLATE }));
  if (!fallback.ok || !fallback.template.enabled) {
    throw new InvalidStateError(`no template matches lead ${JSON.stringify(lead.extId)} and the default template ${DEFAULT_TEMPLATE_NAME} is disabled or invalid`);
  }
  return fallback.template;
}
