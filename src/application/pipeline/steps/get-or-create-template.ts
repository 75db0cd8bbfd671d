import { DEFAULT_TEMPLATE_NAME } from '../../../domain/templates/default-template.js';
import { loadUsableTemplates } from '../../templates/usable-templates.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';

/** Loads and validates the templates (an invalid one is skipped and reported) and makes sure the
 * default template exists. */
export async function getOrCreateSequenceTemplate(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder): Promise<void> {
  ctx.templates = await loadUsableTemplates(deps.templates);
  if (ctx.templates.defaultCreated) rec.count('default_template_created');
  for (const { name, problems } of ctx.templates.skipped) {
    rec.count('invalid_templates');
    rec.error(`template ${JSON.stringify(name)} skipped: ${problems}`);
  }
  for (const { name, warning } of ctx.templates.warnings) rec.note(`template ${JSON.stringify(name)}: ${warning}`);
  rec.set('templates', ctx.templates.templates.length);
  if (!ctx.templates.defaultTemplate) rec.note(`default template ${DEFAULT_TEMPLATE_NAME} is disabled or invalid: leads no template matches are not enrolled`);
}
