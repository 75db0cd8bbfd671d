import { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_NAME } from '../../../domain/templates/default-template.js';
import { type TemplateInput, validateTemplate } from '../../../domain/templates/template.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';

/** Loads and validates the templates (an invalid one is skipped and reported) and makes sure the
 * default template exists. */
export async function getOrCreateSequenceTemplate(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder): Promise<void> {
  const rows = await deps.templates.list();
  if (!rows.some((r) => r.name === DEFAULT_TEMPLATE_NAME)) {
    rows.push(await deps.templates.getOrCreate({ ...DEFAULT_TEMPLATE }));
    rec.count('default_template_created');
  }
  ctx.templates = [];
  ctx.defaultTemplate = null;
  for (const row of rows) {
    const result = validateTemplate(row);
    if (!result.ok) {
      rec.count('invalid_templates');
      rec.error(`template ${describe(row)} skipped: ${result.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
      continue;
    }
    for (const warning of result.warnings) rec.note(`template ${describe(row)}: ${warning}`);
    if (!result.template.enabled) continue;
    ctx.templates.push(result.template);
    if (result.template.name === DEFAULT_TEMPLATE_NAME) ctx.defaultTemplate = result.template;
  }
  rec.set('templates', ctx.templates.length);
  if (!ctx.defaultTemplate) rec.note(`default template ${DEFAULT_TEMPLATE_NAME} is disabled or invalid: leads no template matches are not enrolled`);
}

const describe = (row: TemplateInput): string => JSON.stringify(String(row.name ?? `#${row.id}`));
