// Request headers as Node hands them over: names lower-cased, a repeated header as an array.
import { WebhookAuthError } from './webhook-auth-error.js';

export type WebhookHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The single value of a header the verification depends on; missing, empty or repeated → 401. */
export function requireHeader(headers: WebhookHeaders, name: string): string {
  const value = headers[name.toLowerCase()];
  if (Array.isArray(value)) throw new WebhookAuthError(`repeated header ${name}`);
  if (typeof value !== 'string' || value.trim() === '') throw new WebhookAuthError(`missing header ${name}`);
  return value.trim();
}

/** A header that may be absent (undefined when missing or empty); repeated → 401. */
export function optionalHeader(headers: WebhookHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new WebhookAuthError(`repeated header ${name}`);
  const text = (value as string).trim();
  return text === '' ? undefined : text;
}
