// A Standard Webhooks / Svix signing secret: `whsec_` + base64 of 24–64 random bytes. The HMAC key
// is the decoded bytes, not the text. A malformed secret is a configuration error (a plain Error,
// raised when the secret is used), never a 401.
export function decodeWebhookSecret(secret: string): Buffer {
  const encoded = secret.trim().replace(/^whsec_/, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    throw new Error('webhook secret must be "whsec_" followed by base64');
  }
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length < 24 || bytes.length > 64) throw new Error('webhook secret must decode to 24-64 bytes');
  return bytes;
}
