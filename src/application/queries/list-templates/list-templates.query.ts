import { Query } from '@nestjs/cqrs';
import type { FieldError } from '../../../domain/templates/field-error.js';
import type { StoredTemplate } from '../../ports/template-catalog.js';

export interface TemplateListing {
  template: StoredTemplate;
  /** Whether runs can use it (invalid templates are skipped and reported by runs). */
  valid: boolean;
  errors: FieldError[];
  warnings: string[];
}

/** Every template with the verdict of the validation runs apply to it. */
export class ListTemplatesQuery extends Query<TemplateListing[]> {}
