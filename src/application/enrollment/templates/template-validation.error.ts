import { ValidationError } from '../../../domain/shared/errors.js';
import type { FieldError } from '../../../domain/templates/field-error.js';

/** A template with one or more invalid fields: every problem, each naming its field path
 * (`steps_config[1].delay_days`). `field` is the first of them. */
export class TemplateValidationError extends ValidationError {
  constructor(readonly errors: FieldError[]) {
    super(errors[0]?.field ?? 'template', errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }

  /** One line per problem: `field: message`. */
  lines(): string[] {
    return this.errors.map((e) => `${e.field}: ${e.message}`);
  }
}
