// Builds SNS HTTP messages signed the way AWS documents: the canonical "Name\nValue\n" string of
// the signed fields (sorted by name), SHA1withRSA (SignatureVersion 1) or SHA256withRSA (2).
import { type KeyObject, sign } from 'node:crypto';

export const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:ses-engagement';
export const CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem';

export type SnsFields = Record<string, string>;

const NOTIFICATION_FIELDS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'];
const CONFIRMATION_FIELDS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];

export function signSns(fields: SnsFields, privateKey: KeyObject, version: '1' | '2' = '2'): SnsFields {
  const names = fields.Type === 'Notification' ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
  const canonical = names.filter((name) => fields[name] !== undefined).map((name) => `${name}\n${fields[name]}\n`).join('');
  const signature = sign(version === '1' ? 'sha1' : 'sha256', Buffer.from(canonical, 'utf8'), privateKey).toString('base64');
  return { ...fields, SignatureVersion: version, Signature: signature };
}

export function notification(message: unknown, timestamp: Date, overrides: SnsFields = {}): SnsFields {
  return {
    Type: 'Notification',
    MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
    TopicArn: TOPIC_ARN,
    Message: typeof message === 'string' ? message : JSON.stringify(message),
    Timestamp: timestamp.toISOString(),
    SigningCertURL: CERT_URL,
    UnsubscribeURL: `https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${TOPIC_ARN}:c9135db0`,
    ...overrides,
  };
}

export const snsHeaders = (fields: SnsFields): Record<string, string> => ({
  'x-amz-sns-message-type': fields.Type!,
  'x-amz-sns-message-id': fields.MessageId!,
  'x-amz-sns-topic-arn': fields.TopicArn!,
  'content-type': 'text/plain; charset=UTF-8',
});
