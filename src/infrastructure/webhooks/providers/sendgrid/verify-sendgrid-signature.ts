// SendGrid Signed Event Webhook: ECDSA P-256 / SHA-256 over `timestamp + raw body`, the signature
// base64 DER in `X-Twilio-Email-Event-Webhook-Signature`, the timestamp (Unix seconds) in
// `X-Twilio-Email-Event-Webhook-Timestamp`. SendGrid documents no replay window; we apply 5
// minutes either way by default (configurable).
import { type KeyObject, verify } from 'node:crypto';
import { FIVE_MINUTES, type ReplayWindow, assertInsideWindow, unixSecondsHeader } from '../timestamp-window.js';
import { WebhookAuthError } from '../webhook-auth-error.js';
import { type WebhookHeaders, requireHeader } from '../webhook-headers.js';
import { parseSendGridPublicKey } from './sendgrid-public-key.js';

export const SENDGRID_SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const SENDGRID_TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

export interface SendGridSignatureInput {
  rawBody: Buffer;
  headers: WebhookHeaders;
  /** The base64 verification key as SendGrid shows it, or the parsed key. */
  publicKey: string | KeyObject;
  now: Date;
  window?: ReplayWindow;
}

/** Returns when SendGrid signed the delivery. */
export function verifySendGridSignature(input: SendGridSignatureInput): Date {
  const signature = requireHeader(input.headers, SENDGRID_SIGNATURE_HEADER);
  const timestamp = requireHeader(input.headers, SENDGRID_TIMESTAMP_HEADER);
  const signedAtMs = unixSecondsHeader(timestamp, SENDGRID_TIMESTAMP_HEADER);
  assertInsideWindow(signedAtMs, input.now, input.window ?? FIVE_MINUTES, SENDGRID_TIMESTAMP_HEADER);

  const key = typeof input.publicKey === 'string' ? parseSendGridPublicKey(input.publicKey) : input.publicKey;
  const payload = Buffer.concat([Buffer.from(timestamp, 'utf8'), input.rawBody]);
  let valid: boolean;
  try {
    valid = verify('sha256', payload, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
  } catch {
    valid = false; // not a DER signature at all
  }
  if (!valid) throw new WebhookAuthError('signature mismatch');
  return new Date(signedAtMs);
}
