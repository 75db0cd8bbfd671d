/** A database row as JSON: timestamps as ISO-8601 strings, int8 columns (text from `pg`) as numbers. */
export function jsonRow<T>(row: Record<string, unknown>, int8Columns: readonly string[] = []): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Date) out[key] = value.toISOString();
    else if (int8Columns.includes(key) && typeof value === 'string') out[key] = Number(value);
    else out[key] = value;
  }
  return out as T;
}
