// Postmark does not sign webhooks; it sends the HTTP Basic credentials embedded in the webhook URL
// (https://user:pass@host/webhooks/postmark). We compare them in constant time with the configured
// `user:pass`. Postmark sends no signed timestamp, so there is no replay window: replays are
// neutralised by the provider event id (see postmark-event-id.ts), which is the same every time an
// event is posted.
import { constantTimeEqual } from '../constant-time.js';
import { WebhookAuthError } from '../webhook-auth-error.js';
import { type WebhookHeaders, requireHeader } from '../webhook-headers.js';

export interface PostmarkAuthInput {
  headers: WebhookHeaders;
  /** `user:pass`, as configured (NURTURE_POSTMARK_BASIC_AUTH). */
  credentials: string;
}

export function verifyPostmarkBasicAuth(input: PostmarkAuthInput): void {
  if (!input.credentials.includes(':')) throw new Error('Postmark basic auth must be configured as "user:pass"');
  const header = requireHeader(input.headers, 'authorization');
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!match) throw new WebhookAuthError('authorization is not Basic');
  const offered = Buffer.from(match[1]!, 'base64');
  if (!constantTimeEqual(offered, Buffer.from(input.credentials, 'utf8'))) throw new WebhookAuthError('credentials mismatch');
}
