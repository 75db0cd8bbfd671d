// The verification key SendGrid shows under Mail Settings → Signed Event Webhook: base64 of a DER
// SubjectPublicKeyInfo holding an ECDSA P-256 key (a PEM block is accepted too). A key that is not
// one is a configuration error (a plain Error), never a 401.
import { type KeyObject, createPublicKey } from 'node:crypto';

export function parseSendGridPublicKey(key: string): KeyObject {
  let publicKey: KeyObject;
  try {
    publicKey = key.includes('-----BEGIN')
      ? createPublicKey(key)
      : createPublicKey({ key: Buffer.from(key.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new Error('SendGrid verification key is not a base64 DER public key');
  }
  if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('SendGrid verification key must be an ECDSA P-256 public key');
  }
  return publicKey;
}
