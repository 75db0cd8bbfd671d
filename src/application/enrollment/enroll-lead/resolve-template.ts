// Which template a manual enrollment uses: the one asked for (valid and enabled), else the one a
// run would choose.
import { InvalidStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors.js';
import { DEFAULT_TEMPLATE_NAME } from '../../../domain/templates/default-template.js';
import type { ValidTemplate } from '../../../domain/templates/template.js';
import type { EnrollableLead } from '../../ports/lead-source.js';
import type { TemplateCatalog } from '../../ports/template-catalog.js';
import { loadUsableTemplates, requireUsableTemplate, templateForLead } from '../../templates/usable-templates.js';

export interface TemplateRef {
  id?: number;
  name?: string;
}

export async function resolveTemplate(catalog: TemplateCatalog, ref: TemplateRef, lead: EnrollableLead): Promise<ValidTemplate> {
  if (ref.id !== undefined && ref.name !== undefined) throw new ValidationError('template_id', 'give template_id or template_name, not both');
  if (ref.id !== undefined) {
    const row = await catalog.findById(ref.id);
    if (row === null) throw new NotFoundError(`template_id: no template with id ${ref.id}`);
    return requireUsableTemplate(row, 'template_id');
  }
  if (ref.name !== undefined) {
    const row = await catalog.findByName(ref.name);
    if (row === null) throw new NotFoundError(`template_name: no template named ${JSON.stringify(ref.name)}`);
    return requireUsableTemplate(row, 'template_name');
  }
  const chosen = templateForLead(await loadUsableTemplates(catalog), { score: lead.score, priority: lead.priority });
  if (chosen === null) {
    throw new InvalidStateError(`no template matches lead ${JSON.stringify(lead.extId)} and the default template ${DEFAULT_TEMPLATE_NAME} is disabled or invalid`);
  }
  return chosen;
}
