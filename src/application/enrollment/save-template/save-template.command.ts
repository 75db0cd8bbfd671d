import { Command } from '@nestjs/cqrs';
import type { TemplateInput } from '../../../domain/templates/template.js';
import type { StoredTemplate } from '../../ports/template-catalog.js';

export interface SavedTemplate {
  template: StoredTemplate;
  /** Accepted oddities, e.g. a declared total_steps that differs from the steps present. */
  warnings: string[];
}

/** Creates a template (`templateId` null) or replaces one, after validating every field. Running
 * sequences keep the snapshot of the steps they started with. */
export class SaveTemplateCommand extends Command<SavedTemplate> {
  constructor(
    readonly templateId: number | null,
    readonly input: TemplateInput,
  ) {
    super();
  }
}
