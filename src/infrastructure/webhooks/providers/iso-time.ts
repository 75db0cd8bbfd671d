// Provider timestamps to our ISO-8601 `occurredAt` (UTC, millisecond precision).
import { WebhookPayloadError } from './webhook-payload-error.js';

// A date-time with an explicit zone: `2025-01-15T10:30:00Z`, `…:00.9070259-04:00`, `…+0100`.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO-8601 date-time string carrying its time zone. */
export function isoFromDateTime(value: unknown, path: string): string {
  if (value === undefined || value === null) throw new WebhookPayloadError(path, 'is required');
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value.trim())) {
    throw new WebhookPayloadError(path, 'must be an ISO-8601 date-time with a time zone (e.g. 2025-01-15T10:30:00Z)');
  }
  const ms = Date.parse(value.trim().replace(' ', 'T'));
  if (Number.isNaN(ms) || !isCalendarDate(value.trim())) throw new WebhookPayloadError(path, 'is not a valid date-time');
  return new Date(ms).toISOString();
}

/** Unix seconds (integer or fractional, number or numeric string). */
export function isoFromUnixSeconds(value: unknown, path: string): string {
  if (value === undefined || value === null) throw new WebhookPayloadError(path, 'is required');
  const seconds = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > 253402300799) {
    throw new WebhookPayloadError(path, 'must be a Unix timestamp in seconds');
  }
  return new Date(Math.round(seconds * 1000)).toISOString();
}

/** Date.parse rolls 2025-02-30 over to March; a real calendar date and clock time is required. */
function isCalendarDate(value: string): boolean {
  const [y, m, d, h, min, sec] = [value.slice(0, 4), value.slice(5, 7), value.slice(8, 10), value.slice(11, 13), value.slice(14, 16), value.slice(17, 19) || '0'].map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth && h < 24 && min < 60 && sec < 60;
}
