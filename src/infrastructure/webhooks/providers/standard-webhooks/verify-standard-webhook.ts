// Standard Webhooks signature verification (https://www.standardwebhooks.com): the sender signs
// `${webhook-id}.${webhook-timestamp}.${raw body}` with HMAC-SHA256 under the decoded secret and
// sends `v1,<base64>` entries, space-separated, in `webhook-signature`. Svix (Resend) uses the same
// scheme with `svix-` headers. The timestamp must be within 5 minutes of `now`, either way.
import { createHmac } from 'node:crypto';
import { MAX_PROVIDER_ID_LENGTH, tooLong } from '../../../../domain/shared/input-limits.js';
import { constantTimeEqual } from '../constant-time.js';
import { FIVE_MINUTES, type ReplayWindow, assertInsideWindow, unixSecondsHeader } from '../timestamp-window.js';
import { WebhookAuthError } from '../webhook-auth-error.js';
import { type WebhookHeaders, requireHeader } from '../webhook-headers.js';
import { WebhookPayloadError } from '../webhook-payload-error.js';
import { decodeWebhookSecret } from './standard-webhook-secret.js';

export interface StandardWebhookInput {
  rawBody: Buffer;
  headers: WebhookHeaders;
  /** `whsec_<base64>`; several while a secret is being rotated. */
  secret: string | readonly string[];
  now: Date;
  window?: ReplayWindow;
  /** `webhook` (Standard Webhooks, the default) or `svix` (Svix, Resend). */
  headerPrefix?: 'webhook' | 'svix';
}

export interface VerifiedWebhook {
  /** The message id, the same on every retry of one message: the key to de-duplicate on. */
  id: string;
  /** When the sender signed this attempt. */
  timestamp: Date;
}

export function verifyStandardWebhook(input: StandardWebhookInput): VerifiedWebhook {
  const secrets = typeof input.secret === 'string' ? [input.secret] : input.secret;
  if (secrets.length === 0) throw new Error('no webhook secret is configured');
  const prefix = input.headerPrefix ?? 'webhook';
  const id = requireHeader(input.headers, `${prefix}-id`);
  const timestampText = requireHeader(input.headers, `${prefix}-timestamp`);
  const signatureHeader = requireHeader(input.headers, `${prefix}-signature`);
  const signedAtMs = unixSecondsHeader(timestampText, `${prefix}-timestamp`);
  assertInsideWindow(signedAtMs, input.now, input.window ?? FIVE_MINUTES, `${prefix}-timestamp`);

  const offered = signatureHeader
    .split(/\s+/)
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  if (offered.length === 0) throw new WebhookAuthError(`no v1 signature in ${prefix}-signature`);

  const signedContent = Buffer.concat([Buffer.from(`${id}.${timestampText}.`, 'utf8'), input.rawBody]);
  const expected = secrets.map((secret) => createHmac('sha256', decodeWebhookSecret(secret)).update(signedContent).digest());
  // Every pair is compared (no early exit), each in constant time.
  let matched = false;
  for (const candidate of offered) for (const digest of expected) matched = constantTimeEqual(candidate, digest) || matched;
  if (!matched) throw new WebhookAuthError('signature mismatch');
  // The id becomes the provider event id: bounded like every other (checked once it is known to be signed).
  if (id.length > MAX_PROVIDER_ID_LENGTH) throw new WebhookPayloadError(`${prefix}-id`, tooLong(MAX_PROVIDER_ID_LENGTH));
  return { id, timestamp: new Date(signedAtMs) };
}
