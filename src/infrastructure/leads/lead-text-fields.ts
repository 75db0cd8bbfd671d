import { pickTemplateFields } from '../../domain/templates/template-fields.js';

/** The lead row's columns templates may use (`{{first_name}}`, `{{company}}`, …: the domain's one list),
 * as text; a column the user's `leads` table lacks is simply absent (rendered as missing). */
export function leadTextFields(row: Record<string, unknown>): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(pickTemplateFields(row))) {
    if (value === null || typeof value === 'string') fields[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') fields[name] = String(value);
  }
  return fields;
}
