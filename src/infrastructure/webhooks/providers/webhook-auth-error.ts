// A webhook whose origin cannot be proven: answer 401. The reason is short and safe to return to
// the caller ("signature mismatch", "missing header webhook-signature"); it never holds a secret,
// a signature or the body.
export class WebhookAuthError extends Error {
  override readonly name = 'WebhookAuthError';
  readonly statusCode = 401;

  constructor(readonly reason: string) {
    super(reason);
  }
}
