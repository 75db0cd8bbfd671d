// Sends through the specification's email webhook: its JSON, one POST per email, with an
// `Idempotency-Key` the provider uses to drop a repeat of the same send.
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
          headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
          body: JSON.stringify(email),
        },
        this.policy,
      );
      if (result.status >= 200 && result.status < 300) {
        return { ok: true, providerMessageId: messageIdOf(result.body, result.headers), attempts: result.attempts };
      }
      return { ok: false, error: `HTTP ${result.status}${result.body ? `: ${snippet(result.body)}` : ''}`, attempts: result.attempts };
    } catch (error) {
      const attempts = error instanceof HttpRequestError ? error.attempts : 1;
      return { ok: false, error: (error as Error).message, attempts };
    }
  }
}

/** The provider's id for the message, where its answer carries one. */
function messageIdOf(body: string, headers: Headers): string | null {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    for (const key of ['id', 'message_id', 'messageId', 'MessageID']) {
      if (typeof parsed[key] === 'string' || typeof parsed[key] === 'number') return String(parsed[key]);
    }
  } catch {
    // not JSON: fall back to the headers
  }
  return headers.get('x-message-id');
}
