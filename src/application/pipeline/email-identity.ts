import { createHash } from 'node:crypto';

/** The `Idempotency-Key` of a send: the same for every attempt at the same (sequence, step). */
export const idempotencyKeyOf = (sequenceId: number, step: number): string => `${sequenceId}:${step}`;

/** A name-based (v5-style) UUID for the email of (sequence, step), stable across retries and runs. */
export function emailEventIdOf(sequenceId: number, step: number): string {
  const h = createHash('sha1').update(`lead-nurturing/email/${idempotencyKeyOf(sequenceId, step)}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
