/** The email as the specification's webhook receives it. */
export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  metadata: {
    sequence_id: number;
    lead_ext_id: string;
    step_number: number;
    sequence_name: string;
  };
}

export type SendOutcome =
  | { ok: true; providerMessageId: string | null; attempts: number }
  /** `permanent`: the provider refused the email for good (a 4xx other than 408 and 429), so
   * retrying the same request cannot help; anything else (5xx, 408, 429, network, timeout) is
   * transient. */
  | { ok: false; error: string; attempts: number; permanent: boolean };

export interface EmailSender {
  /** POSTs one email; the idempotency key lets the provider drop a repeat of the same send. */
  send(email: OutgoingEmail, idempotencyKey: string): Promise<SendOutcome>;
}
