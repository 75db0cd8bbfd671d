// Mailgun webhook signature: the JSON body carries `signature: {timestamp, token, signature}`, where
// `signature` is hex HMAC-SHA256(signing key, timestamp + token). Events of a subaccount also carry
// `parent-signature`, made the same way with the primary account's key; either may match the
// configured key. The timestamp must be recent (5 minutes either way by default), and the token is
// returned so the caller can refuse one it has already seen (Mailgun makes a fresh token for every
// request).
import { createHmac } from 'node:crypto';
import { MAX_PROVIDER_ID_LENGTH, tooLong } from '../../../../domain/shared/input-limits.js';
import { constantTimeEqual } from '../constant-time.js';
import { parseJsonBody } from '../json-body.js';
import { type JsonObject, isObject } from '../payload-reader.js';
import { FIVE_MINUTES, type ReplayWindow, assertInsideWindow, unixSecondsHeader } from '../timestamp-window.js';
import { WebhookAuthError } from '../webhook-auth-error.js';
import { WebhookPayloadError } from '../webhook-payload-error.js';

export interface MailgunSignatureInput {
  rawBody: Buffer;
  /** The HTTP webhook signing key (Mailgun → Settings → API Security → Webhook signing key). */
  signingKey: string;
  now: Date;
  window?: ReplayWindow;
}

export interface VerifiedMailgunWebhook {
  /** Unique per request: refuse a token already seen (within the window) as a replay. */
  token: string;
  timestamp: Date;
}

export function verifyMailgunSignature(input: MailgunSignatureInput): VerifiedMailgunWebhook {
  if (input.signingKey.trim() === '') throw new Error('Mailgun signing key is not configured');
  const body = parseJsonBody(input.rawBody);
  const block = isObject(body) ? body.signature : undefined;
  if (!isObject(block)) throw new WebhookAuthError('missing signature block');
  const timestamp = field(block, 'timestamp');
  const token = field(block, 'token');
  const signature = field(block, 'signature');
  const signedAtMs = unixSecondsHeader(timestamp, 'signature.timestamp');
  assertInsideWindow(signedAtMs, input.now, input.window ?? FIVE_MINUTES, 'signature.timestamp');

  const expected = createHmac('sha256', input.signingKey).update(timestamp + token, 'utf8').digest('hex');
  const parent = typeof block['parent-signature'] === 'string' ? block['parent-signature'] : '';
  const matched = constantTimeEqual(signature.toLowerCase(), expected) || constantTimeEqual(parent.toLowerCase(), expected);
  if (!matched) throw new WebhookAuthError('signature mismatch');
  // Kept to refuse its reuse: bounded like an id.
  if (token.length > MAX_PROVIDER_ID_LENGTH) throw new WebhookPayloadError('signature.token', tooLong(MAX_PROVIDER_ID_LENGTH));
  return { token, timestamp: new Date(signedAtMs) };
}

function field(block: JsonObject, key: string): string {
  const value = block[key];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '') throw new WebhookAuthError(`missing signature.${key}`);
  return value.trim();
}
