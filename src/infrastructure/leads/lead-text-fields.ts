/** A lead row's scalar columns as text, for `{{placeholders}}` (whatever columns the user's
 * `leads` table has). */
export function leadTextFields(row: Record<string, unknown>): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(row)) {
    if (value === null || typeof value === 'string') fields[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') fields[name] = String(value);
  }
  return fields;
}
