// Instants are ISO-8601 strings supplied by the caller; the domain never reads a clock.
import { ValidationError } from './errors.js';

export const MS_PER_DAY = 86_400_000;

/** Milliseconds since the epoch of an ISO-8601 instant; a ValidationError naming `field` otherwise. */
export function instant(value: string, field: string): number {
  const ms = typeof value === 'string' && value.trim() !== '' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new ValidationError(field, `must be an ISO-8601 instant, got ${JSON.stringify(value)}`);
  return ms;
}

/** The canonical form stored in events: `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export const isoOf = (ms: number): string => new Date(ms).toISOString();

export const addDays = (ms: number, days: number): number => ms + days * MS_PER_DAY;

export const startOfUtcDay = (ms: number): number => Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
