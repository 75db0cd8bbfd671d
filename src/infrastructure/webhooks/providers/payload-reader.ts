// Reading untrusted JSON field by field; every failure names the path of the field at fault
// (`[2].event_type`, `event-data.message.headers`).
import { WebhookPayloadError } from './webhook-payload-error.js';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `base` + `key`: `a` + `b` → `a.b`; `` + `b` → `b`; `a` + 2 → `a[2]`. */
export function pathOf(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

export function requireObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw new WebhookPayloadError(path || 'body', value === undefined ? 'is required' : 'must be a JSON object');
  return value;
}

/** A non-empty string. */
export function requireString(object: JsonObject, key: string, base: string): string {
  const value = object[key];
  if (value === undefined || value === null) throw new WebhookPayloadError(pathOf(base, key), 'is required');
  if (typeof value !== 'string' || value.trim() === '') throw new WebhookPayloadError(pathOf(base, key), 'must be a non-empty string');
  return value.trim();
}

/** A string, or null when absent/null/empty. */
export function optionalString(object: JsonObject, key: string, base: string): string | null {
  const value = object[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new WebhookPayloadError(pathOf(base, key), 'must be a string');
  return value.trim() === '' ? null : value.trim();
}

/** A string-or-number id (some providers send numeric ids), as a string; null when absent. */
export function optionalIdString(object: JsonObject, key: string, base: string): string | null {
  const value = object[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return optionalString(object, key, base);
}

/** The keys of `object` that are set (not undefined/null), copied; for report metadata. */
export function pick(object: JsonObject, keys: readonly string[]): JsonObject {
  const picked: JsonObject = {};
  for (const key of keys) if (object[key] !== undefined && object[key] !== null) picked[key] = object[key];
  return picked;
}
