// Checks of input VALUES (the types were checked at the edge): each failure is a ValidationError
// naming the request's field, which the HTTP layer answers with 422.
import { ValidationError } from '../../../domain/shared/errors.js';
import { instant, isoOf } from '../../../domain/shared/time.js';

export function requireOneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

export function requireNonEmpty(value: string, field: string, maxLength = 500): string {
  if (value.trim() === '') throw new ValidationError(field, 'must not be empty');
  if (value.length > maxLength) throw new ValidationError(field, `must be at most ${maxLength} characters`);
  return value;
}

export function requireIntegerIn(value: number, min: number, max: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/** An ISO-8601 instant, returned in the canonical `YYYY-MM-DDTHH:mm:ss.sssZ` form. */
export function requireInstant(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    throw new ValidationError(field, `must be an ISO-8601 instant (e.g. 2025-01-15T10:30:00Z), got ${JSON.stringify(value)}`);
  }
  return isoOf(instant(value, field));
}

/** A UTC calendar day `YYYY-MM-DD` that exists. */
export function requireDay(value: string, field: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || isoOf(ms).slice(0, 10) !== value) {
    throw new ValidationError(field, `must be a day YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A keyset cursor: the id of the last row of the previous page. */
export function requireCursor(value: string, field: string): number {
  const id = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new ValidationError(field, `must be the next_cursor of a previous page, got ${JSON.stringify(value)}`);
  return id;
}
