// What a reporter said beside an engagement fact (the specification's webhook `metadata`: a
// campaign id, a user agent…), kept with the fact and shown on the email's row. Bounded, so a
// reporter cannot grow the log or the read side without limit; never message bodies.

export type EngagementDetails = Record<string, unknown>;

/** Serialized as JSON (UTF-8). */
export const MAX_DETAILS_BYTES = 4096;
export const MAX_DETAILS_KEYS = 32;
/** Each top-level string value. */
export const MAX_DETAIL_STRING_BYTES = 1024;

const encoder = new TextEncoder();
const utf8Bytes = (s: string): number => encoder.encode(s).length;

/** Why `details` is over a bound, or null when it is within them all. */
export function detailsProblem(details: EngagementDetails): string | null {
  const keys = Object.keys(details);
  if (keys.length > MAX_DETAILS_KEYS) return `has ${keys.length} keys; at most ${MAX_DETAILS_KEYS} are kept`;
  for (const key of keys) {
    const value = details[key];
    if (typeof value === 'string' && utf8Bytes(value) > MAX_DETAIL_STRING_BYTES) {
      return `value of "${key.slice(0, 64)}" is over ${MAX_DETAIL_STRING_BYTES} bytes`;
    }
  }
  const size = utf8Bytes(JSON.stringify(details));
  if (size > MAX_DETAILS_BYTES) return `is ${size} bytes as JSON; at most ${MAX_DETAILS_BYTES} are kept`;
  return null;
}

/** The keys of `details` that fit the bounds, in order (for reporters whose extra data we pick
 * ourselves: an oversize value is left out rather than refusing the fact). */
export function boundedDetails(details: EngagementDetails): EngagementDetails {
  const out: EngagementDetails = {};
  let size = 2;
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined) continue;
    if (Object.keys(out).length >= MAX_DETAILS_KEYS) break;
    if (typeof value === 'string' && utf8Bytes(value) > MAX_DETAIL_STRING_BYTES) continue;
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) continue;
    const entry = utf8Bytes(JSON.stringify(key)) + 1 + utf8Bytes(json) + 1;
    if (size + entry > MAX_DETAILS_BYTES) continue;
    out[key] = value;
    size += entry;
  }
  return out;
}
