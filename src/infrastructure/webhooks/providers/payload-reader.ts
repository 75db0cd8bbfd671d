// Reading untrusted JSON field by field; every failure names the path of the field at fault
// (`[2].event_type`, `event-data.message.headers`).
import { MAX_PROVIDER_ID_LENGTH, tooLong } from '../../../domain/shared/input-limits.js';
import { WebhookPayloadError } from './webhook-payload-error.js';

/** The longest string read from a payload when the caller names no tighter bound (fields the
 * service only looks at, such as a bounce reason; the values it records pass their own bound). */
export const MAX_WEBHOOK_TEXT_LENGTH = 4096;

function bounded(value: string, path: string, max: number): string {
  if (value.length > max) throw new WebhookPayloadError(path, tooLong(max));
  return value;
}

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

/** A non-empty string of at most `max` characters (trimmed). */
export function requireString(object: JsonObject, key: string, base: string, max = MAX_WEBHOOK_TEXT_LENGTH): string {
  const value = object[key];
  if (value === undefined || value === null) throw new WebhookPayloadError(pathOf(base, key), 'is required');
  if (typeof value !== 'string' || value.trim() === '') throw new WebhookPayloadError(pathOf(base, key), 'must be a non-empty string');
  return bounded(value.trim(), pathOf(base, key), max);
}

/** A string of at most `max` characters (trimmed), or null when absent/null/empty. */
export function optionalString(object: JsonObject, key: string, base: string, max = MAX_WEBHOOK_TEXT_LENGTH): string | null {
  const value = object[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new WebhookPayloadError(pathOf(base, key), 'must be a string');
  return value.trim() === '' ? null : bounded(value.trim(), pathOf(base, key), max);
}

/** A string-or-number id (some providers send numeric ids), as a string; null when absent. */
export function optionalIdString(object: JsonObject, key: string, base: string, max = MAX_PROVIDER_ID_LENGTH): string | null {
  const value = object[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return optionalString(object, key, base, max);
}

/** A string the caller found elsewhere (a header value, a list item), at most `max` characters. */
export const boundedText = (value: string, path: string, max: number): string => bounded(value, path, max);

/** The keys of `object` that are set (not undefined/null), copied; for report metadata. */
export function pick(object: JsonObject, keys: readonly string[]): JsonObject {
  const picked: JsonObject = {};
  for (const key of keys) if (object[key] !== undefined && object[key] !== null) picked[key] = object[key];
  return picked;
}
