// Amazon SNS message verification, as AWS documents it
// (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html):
//   1. the topic must be one we subscribed (allow-list), checked before anything is fetched;
//   2. SigningCertURL must be https on sns.<region>.amazonaws.com(.cn) and name a .pem file;
//   3. the message Timestamp must be recent: SNS retries keep the original Timestamp and a custom
//      delivery policy may retry for up to an hour, so the default window is 1 hour back and
//      5 minutes ahead;
//   4. the certificate (from the CertificateSource) must be valid at `now`;
//   5. Signature (base64) must verify over the canonical string with the certificate's key:
//      SignatureVersion 1 = SHA1withRSA, 2 = SHA256withRSA.
// A subscription confirmation is returned with its SubscribeURL (checked to be an SNS URL for this
// topic) for the caller to GET; an unsubscribe confirmation is returned for the caller to log.
import { X509Certificate, verify } from 'node:crypto';
import { type ReplayWindow, assertInsideWindow } from '../timestamp-window.js';
import { WebhookAuthError } from '../webhook-auth-error.js';
import type { WebhookHeaders } from '../webhook-headers.js';
import type { CertificateSource } from './certificate-source.js';
import { type SnsNotification, parseSnsMessage } from './sns-message.js';
import { snsStringToSign } from './sns-string-to-sign.js';
import { assertSigningCertUrl, assertSubscribeUrl } from './sns-urls.js';

export const SNS_WINDOW: ReplayWindow = { maxAgeSeconds: 3600, maxFutureSeconds: 300 };

export interface SnsVerificationInput {
  rawBody: Buffer;
  headers: WebhookHeaders;
  /** Topic ARNs we accept messages from (NURTURE_SES_TOPIC_ARNS). */
  topicArns: readonly string[];
  certificates: CertificateSource;
  now: Date;
  window?: ReplayWindow;
}

export type VerifiedSnsMessage =
  | { kind: 'notification'; message: SnsNotification }
  | { kind: 'subscription-confirmation'; topicArn: string; messageId: string; subscribeUrl: string }
  | { kind: 'unsubscribe-confirmation'; topicArn: string; messageId: string };

const ALGORITHMS: Record<string, string> = { '1': 'sha1', '2': 'sha256' };

export async function verifySnsMessage(input: SnsVerificationInput): Promise<VerifiedSnsMessage> {
  if (input.topicArns.length === 0) throw new Error('no SNS topic ARNs are configured');
  const message = parseSnsMessage(input.rawBody, input.headers);
  if (!input.topicArns.includes(message.TopicArn)) throw new WebhookAuthError('topic is not in the allow-list');
  const algorithm = ALGORITHMS[message.SignatureVersion];
  if (algorithm === undefined) throw new WebhookAuthError('unsupported SignatureVersion');
  assertSigningCertUrl(message.SigningCertURL);
  const timestampMs = Date.parse(message.Timestamp);
  if (Number.isNaN(timestampMs)) throw new WebhookAuthError('Timestamp is not a date-time');
  assertInsideWindow(timestampMs, input.now, input.window ?? SNS_WINDOW, 'Timestamp');

  const certificate = parseCertificate(await input.certificates.get(message.SigningCertURL));
  if (input.now.getTime() < Date.parse(certificate.validFrom)) throw new WebhookAuthError('signing certificate is not yet valid');
  if (input.now.getTime() > Date.parse(certificate.validTo)) throw new WebhookAuthError('signing certificate has expired');
  if (certificate.publicKey.asymmetricKeyType !== 'rsa') throw new WebhookAuthError('signing certificate does not hold an RSA key');
  let valid: boolean;
  try {
    valid = verify(algorithm, Buffer.from(snsStringToSign(message), 'utf8'), certificate.publicKey, Buffer.from(message.Signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) throw new WebhookAuthError('signature mismatch');

  if (message.Type === 'Notification') return { kind: 'notification', message };
  if (message.Type === 'UnsubscribeConfirmation') return { kind: 'unsubscribe-confirmation', topicArn: message.TopicArn, messageId: message.MessageId };
  assertSubscribeUrl(message.SubscribeURL, message.TopicArn);
  return { kind: 'subscription-confirmation', topicArn: message.TopicArn, messageId: message.MessageId, subscribeUrl: message.SubscribeURL };
}

function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw new WebhookAuthError('signing certificate is not a PEM certificate');
  }
}
