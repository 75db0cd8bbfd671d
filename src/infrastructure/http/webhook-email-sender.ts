// Sends through the specification's email webhook: its JSON, one POST per email, with an
// `Idempotency-Key` the provider uses to drop a repeat of the same send (retries keep the key).
// An outcome's error never carries the email's body, even when the provider echoes it back.
// A failure is permanent (a 4xx other than 408/429: the sequence stops after `max_send_failures`
// runs) or transient (backed off across runs).
import type { EmailSender, OutgoingEmail, SendOutcome } from '../../application/ports/email-sender.js';
import { HttpRequestError, type RetryPolicy, requestWithRetry, snippet } from './request-with-retry.js';

export class WebhookEmailSender implements EmailSender {
  constructor(
    private readonly url: string,
    private readonly policy: RetryPolicy,
  ) {}

  async send(email: OutgoingEmail, idempotencyKey: string): Promise<SendOutcome> {
    try {
      const result = await requestWithRetry(
        this.url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': idempotencyKey },
          body: JSON.stringify(webhookPayload(email)),
        },
        this.policy,
      );
      if (result.status >= 200 && result.status < 300) {
        return { ok: true, providerMessageId: messageIdOf(result.body, result.headers), attempts: result.attempts };
      }
      const body = snippet(withoutEcho(result.body, email));
      const error = `HTTP ${result.status}${body ? `: ${body}` : ''}`;
      return { ok: false, error, attempts: result.attempts, permanent: isPermanentStatus(result.status) };
    } catch (error) {
      // Network errors and timeouts: transient (so is a malformed URL: a configuration error
      // that must not stop every sequence).
      const attempts = error instanceof HttpRequestError ? error.attempts : 1;
      return { ok: false, error: withoutEcho((error as Error).message, email), attempts, permanent: false };
    }
  }
}

/** A refusal for good: a 4xx other than 408 (Request Timeout) and 429 (Too Many Requests).
 * requestWithRetry does not retry these within the run either. */
export const isPermanentStatus = (status: number): boolean => status >= 400 && status < 500 && status !== 408 && status !== 429;

/** The specification's webhook JSON, built field by field so nothing else on the object leaks out. */
export function webhookPayload(email: OutgoingEmail): Record<string, unknown> {
  const { sequence_id, lead_ext_id, step_number, sequence_name } = email.metadata;
  return {
    from: email.from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    ...(email.html !== undefined ? { html: email.html } : {}),
    ...(email.headers !== undefined ? { headers: email.headers } : {}),
    metadata: { sequence_id, lead_ext_id, step_number, sequence_name },
  };
}

/** Removes the email's body from a provider's answer (raw, JSON-escaped, or whitespace-collapsed). */
function withoutEcho(text: string, email: OutgoingEmail): string {
  let out = text;
  for (const body of [email.html, email.text]) {
    if (!body || body.trim().length < 4) continue;
    const forms = new Set([body, JSON.stringify(body).slice(1, -1), body.replace(/\s+/g, ' ').trim()]);
    for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join('[email body]');
  }
  return out;
}

/** The provider's id for the message, where its answer carries one. */
function messageIdOf(body: string, headers: Headers): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    const record = parsed as Record<string, unknown>;
    for (const key of ['id', 'message_id', 'messageId', 'MessageID']) {
      const value = record[key];
      if ((typeof value === 'string' && value !== '') || typeof value === 'number') return String(value);
    }
  }
  return headers.get('x-message-id');
}
