// Test-side signers, written from each provider's documentation independently of the verifiers
// under test, with keys generated per test run. Nothing here is a hard-coded "valid" signature.
import { createHmac, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/** A fresh Standard Webhooks / Svix secret: `whsec_` + base64 of 32 random bytes. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** Headers of a Standard Webhooks (prefix `webhook`) or Svix (prefix `svix`) delivery. */
export function standardWebhookHeaders(secret: string, id: string, timestamp: number, body: string, prefix = 'webhook'): Record<string, string> {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { [`${prefix}-id`]: id, [`${prefix}-timestamp`]: String(timestamp), [`${prefix}-signature`]: `v1,${signature}` };
}

/** A SendGrid-style key pair: the public half as SendGrid shows it (base64 DER SPKI). */
export function newSendGridKeys() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { publicKeyBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), privateKey };
}

export function sendGridHeaders(privateKey: ReturnType<typeof newSendGridKeys>['privateKey'], timestamp: number, body: string): Record<string, string> {
  const signature = sign('sha256', Buffer.from(`${timestamp}${body}`), privateKey).toString('base64');
  return { 'x-twilio-email-event-webhook-signature': signature, 'x-twilio-email-event-webhook-timestamp': String(timestamp) };
}

/** Mailgun's signature block: hex HMAC-SHA256(key, timestamp + token). */
export function mailgunSignature(signingKey: string, timestamp: number, token = randomBytes(25).toString('hex')) {
  return { timestamp: String(timestamp), token, signature: createHmac('sha256', signingKey).update(`${timestamp}${token}`).digest('hex') };
}

export const unix = (date: Date): number => Math.floor(date.getTime() / 1000);
