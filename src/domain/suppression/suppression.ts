// The suppression list's rules: which address a suppression is about, and why one exists.
// An address is compared trimmed and case-insensitively, whoever wrote it (an event, an operator,
// an analyst's INSERT): `Same@Example.com ` and `same@example.com` are one recipient.
import { ValidationError } from '../shared/errors.js';
import { MAX_EMAIL_LENGTH, tooLong } from '../shared/input-limits.js';

export type SuppressionReason = 'bounced' | 'unsubscribed' | 'complained' | 'manual';

export const SUPPRESSION_REASONS: readonly SuppressionReason[] = ['bounced', 'unsubscribed', 'complained', 'manual'];

/** The form an address is kept and looked up in. */
export const suppressionKeyOf = (email: string): string => email.trim().toLowerCase();

/** Stop reasons that put the address on the list: the recipient (or the mailbox) said no.
 * Other stops (manual, suppressed, replied, a failing send) say nothing about the address. */
export const SUPPRESSING_STOP_REASONS = ['bounced', 'unsubscribed', 'complained'] as const;
export type SuppressingStopReason = (typeof SUPPRESSING_STOP_REASONS)[number];

export const isSuppressingStopReason = (reason: string): reason is SuppressingStopReason =>
  (SUPPRESSING_STOP_REASONS as readonly string[]).includes(reason);

/** An address an operator may suppress: one `@`, no spaces, at most 320 characters. */
export function requireAddress(value: unknown, field = 'email'): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be an email address');
  const address = value.trim();
  if (address.length > MAX_EMAIL_LENGTH) throw new ValidationError(field, tooLong(MAX_EMAIL_LENGTH));
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(address)) throw new ValidationError(field, `must be an email address, got ${JSON.stringify(value)}`);
  return address;
}

export function requireSuppressionReason(value: unknown, field = 'reason'): SuppressionReason {
  if (typeof value !== 'string' || !(SUPPRESSION_REASONS as readonly string[]).includes(value)) {
    throw new ValidationError(field, `must be one of ${SUPPRESSION_REASONS.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as SuppressionReason;
}
