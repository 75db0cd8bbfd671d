import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../../domain/shared/errors.js';
import { validateTemplate } from '../../../domain/templates/template.js';
import { TEMPLATE_CATALOG, type TemplateCatalog, type TemplateRecord } from '../../ports/template-catalog.js';
import { TemplateValidationError } from '../templates/template-validation.error.js';
import { SaveTemplateCommand, type SavedTemplate } from './save-template.command.js';

@CommandHandler(SaveTemplateCommand)
export class SaveTemplateHandler implements ICommandHandler<SaveTemplateCommand> {
  constructor(@Inject(TEMPLATE_CATALOG) private readonly catalog: TemplateCatalog) {}

  async execute({ templateId, input }: SaveTemplateCommand): Promise<SavedTemplate> {
    const result = validateTemplate({ ...input, id: undefined });
    if (!result.ok) throw new TemplateValidationError(result.errors);
    const t = result.template;
    const record: TemplateRecord = {
      name: t.name,
      description: t.description,
      priority_filter: t.priorityFilter,
      min_score: t.minScore,
      max_score: t.maxScore,
      // The column is NOT NULL: an undeclared count is the count of the steps present.
      total_steps: t.declaredTotalSteps ?? t.totalSteps,
      steps_config: input.steps_config,
      enabled: t.enabled,
      stop_on_reply: t.stopOnReply,
      default_fallback: t.defaultFallback,
    };
    if (templateId === null) return { template: await this.catalog.insert(record), warnings: result.warnings };
    const replaced = await this.catalog.replace(templateId, record);
    if (replaced === null) throw new NotFoundError(`template ${templateId} not found`);
    return { template: replaced, warnings: result.warnings };
  }
}
