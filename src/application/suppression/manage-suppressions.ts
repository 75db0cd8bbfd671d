// What operators do with the suppression list (HTTP and CLI alike): input checked once here,
// naming the bad field; a refused request changes nothing.
import { MAX_NOTE_LENGTH, tooLong } from '../../domain/shared/input-limits.js';
import { requireAddress, requireSuppressionReason } from '../../domain/suppression/suppression.js';
import { ValidationError } from '../../domain/shared/errors.js';
import type { Suppression, SuppressionList, SuppressionPage } from '../ports/suppression-list.js';

export interface SuppressRequest {
  email: unknown;
  reason?: unknown;
  note?: unknown;
}

export async function suppressAddress(list: SuppressionList, request: SuppressRequest, now: string): Promise<{ added: boolean; suppression: Suppression }> {
  const email = requireAddress(request.email);
  const reason = request.reason === undefined || request.reason === null ? 'manual' : requireSuppressionReason(request.reason);
  let note: string | null = null;
  if (request.note !== undefined && request.note !== null) {
    if (typeof request.note !== 'string') throw new ValidationError('note', 'must be a string');
    if (request.note.length > MAX_NOTE_LENGTH) throw new ValidationError('note', tooLong(MAX_NOTE_LENGTH));
    note = request.note;
  }
  return list.add({ email, reason, note, now });
}

/** True when the address was listed (and is not any more). */
export function unsuppressAddress(list: SuppressionList, email: unknown): Promise<boolean> {
  return list.remove(requireAddress(email));
}

export function listSuppressions(list: SuppressionList, options: { limit?: number; after?: string | null }): Promise<SuppressionPage> {
  const limit = options.limit ?? 100;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) throw new ValidationError('limit', `must be an integer from 1 to 1000, got ${limit}`);
  return list.list({ limit, after: options.after ?? null });
}
