import type { TemplateInput } from '../../domain/templates/template.js';

export interface TemplateStore {
  /** Every template row (enabled or not), as stored. */
  listTemplates(): Promise<TemplateInput[]>;
  /** Returns the row named `input.name`, inserting `input` first if there is none. */
  getOrCreate(input: TemplateInput): Promise<TemplateInput>;
}
