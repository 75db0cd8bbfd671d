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
  | { ok: false; error: string; attempts: number };

export interface EmailSender {
  /** POSTs one email; the idempotency key lets the provider drop a repeat of the same send. */
  send(email: OutgoingEmail, idempotencyKey: string): Promise<SendOutcome>;
}
