// Resend signs webhooks through Svix: the Standard Webhooks scheme with `svix-id`,
// `svix-timestamp` and `svix-signature` headers and a `whsec_…` secret, 5 minutes either way.
import type { ReplayWindow } from '../timestamp-window.js';
import type { WebhookHeaders } from '../webhook-headers.js';
import { type VerifiedWebhook, verifyStandardWebhook } from '../standard-webhooks/verify-standard-webhook.js';

export interface ResendSignatureInput {
  rawBody: Buffer;
  headers: WebhookHeaders;
  /** The endpoint's signing secret (`whsec_…`); several while rotating. */
  secret: string | readonly string[];
  now: Date;
  window?: ReplayWindow;
}

/** `id` is the `svix-id`: the same on every retry of one event, our provider event id. */
export function verifyResendSignature(input: ResendSignatureInput): VerifiedWebhook {
  return verifyStandardWebhook({ ...input, headerPrefix: 'svix' });
}
