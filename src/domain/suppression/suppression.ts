// The suppression list's rules: which address a suppression is about, and why one exists.
// An address is compared trimmed and case-insensitively, whoever wrote it (an event, an operator,
// an analyst's INSERT): `Same@Example.com ` and `same@example.com` are one recipient.

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
