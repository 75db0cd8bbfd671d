// The Amazon SNS HTTP(S) envelope (https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html,
// …/http-subscription-confirmation-json.html). Raw message delivery must be off: without the envelope
// there is no signature. Every field the signature covers is required; the `x-amz-sns-*` headers
// SNS adds must agree with the body.
import { parseJsonBody } from '../json-body.js';
import { type JsonObject, isObject } from '../payload-reader.js';
import { WebhookAuthError } from '../webhook-auth-error.js';
import { type WebhookHeaders, optionalHeader, requireHeader } from '../webhook-headers.js';
import { WebhookPayloadError } from '../webhook-payload-error.js';

export type SnsMessageType = 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';

interface SnsCommon {
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
}

export interface SnsNotification extends SnsCommon {
  Type: 'Notification';
  Subject?: string;
}

export interface SnsConfirmation extends SnsCommon {
  Type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  Token: string;
  SubscribeURL: string;
}

export type SnsMessage = SnsNotification | SnsConfirmation;

const TYPES: readonly string[] = ['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation'];
const COMMON = ['MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL'] as const;

export function parseSnsMessage(rawBody: Buffer, headers: WebhookHeaders): SnsMessage {
  const headerType = requireHeader(headers, 'x-amz-sns-message-type');
  const body = parseJsonBody(rawBody);
  if (!isObject(body)) throw new WebhookPayloadError('body', 'must be a JSON object');
  const type = text(body, 'Type');
  if (!TYPES.includes(type)) throw new WebhookPayloadError('Type', `must be one of ${TYPES.join(', ')}`);
  if (headerType !== type) throw new WebhookAuthError('x-amz-sns-message-type does not match Type');
  agrees(headers, 'x-amz-sns-message-id', body.MessageId, 'MessageId');
  agrees(headers, 'x-amz-sns-topic-arn', body.TopicArn, 'TopicArn');

  const common = Object.fromEntries(COMMON.map((key) => [key, text(body, key)])) as unknown as SnsCommon;
  if (type === 'Notification') {
    const subject = body.Subject;
    if (subject !== undefined && subject !== null && typeof subject !== 'string') throw new WebhookAuthError('Subject is not a string');
    return { ...common, Type: 'Notification', ...(typeof subject === 'string' ? { Subject: subject } : {}) };
  }
  return { ...common, Type: type as SnsConfirmation['Type'], Token: text(body, 'Token'), SubscribeURL: text(body, 'SubscribeURL') };
}

/** A signed envelope field: without it the signature cannot be checked, so the request is refused. */
function text(body: JsonObject, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || (value === '' && key !== 'Message')) throw new WebhookAuthError(`missing ${key}`);
  return value;
}

function agrees(headers: WebhookHeaders, header: string, value: unknown, field: string): void {
  const headerValue = optionalHeader(headers, header);
  if (headerValue !== undefined && headerValue !== value) throw new WebhookAuthError(`${header} does not match ${field}`);
}
