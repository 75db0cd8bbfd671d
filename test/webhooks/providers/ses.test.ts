import { generateKeyPairSync } from 'node:crypto';
import { CachingCertificateSource } from '../../../src/infrastructure/webhooks/providers/ses/certificate-source.js';
import { fetchCertificateOverHttps } from '../../../src/infrastructure/webhooks/providers/ses/fetch-certificate.js';
import { mapSesNotification } from '../../../src/infrastructure/webhooks/providers/ses/map-ses-event.js';
import type { SnsNotification } from '../../../src/infrastructure/webhooks/providers/ses/sns-message.js';
import { type VerifiedSnsMessage, verifySnsMessage } from '../../../src/infrastructure/webhooks/providers/ses/verify-sns-message.js';
import { WebhookAuthError } from '../../../src/infrastructure/webhooks/providers/webhook-auth-error.js';
import { type TestCertificate, selfSignedCertificate } from './support/sns-certificate.js';
import { CERT_URL, type SnsFields, TOPIC_ARN, notification, signSns, snsHeaders } from './support/sns-signing.js';

let cert: TestCertificate;
let now: Date;
let fetched: string[];
let certificates: CachingCertificateSource;

beforeAll(() => {
  cert = selfSignedCertificate(2);
  now = new Date(cert.validFrom.getTime() + 3600_000);
});

beforeEach(() => {
  // No internet here: the cache is pre-populated, and any fetch is recorded and fails.
  fetched = [];
  certificates = new CachingCertificateSource(async (url) => {
    fetched.push(url);
    throw new Error('no network in tests');
  });
  certificates.set(CERT_URL, cert.pem);
});

const verify = (fields: SnsFields, options: { headers?: Record<string, string>; at?: Date; topicArns?: string[] } = {}): Promise<VerifiedSnsMessage> =>
  verifySnsMessage({
    rawBody: Buffer.from(JSON.stringify(fields)),
    headers: options.headers ?? snsHeaders(fields),
    topicArns: options.topicArns ?? [TOPIC_ARN],
    certificates,
    now: options.at ?? now,
  });

async function authReason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookAuthError);
    return (error as WebhookAuthError).reason;
  }
  throw new Error('expected a WebhookAuthError');
}

const MESSAGE_ID = '0102018e0c6f1a2b-1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6-000000';
const mail = (destination = ['lead@example.com']) => ({
  timestamp: '2026-03-02T09:49:59.000Z',
  source: 'marketing@example.com',
  sendingAccountId: '123456789012',
  messageId: MESSAGE_ID,
  destination,
  headersTruncated: false,
  tags: { 'ses:configuration-set': ['nurture'], sequence_id: ['123'], step_number: ['2'], lead_ext_id: ['lead_123'] },
});
const sesEvent = (eventType: string, detail: object, destination?: string[]) => ({ eventType, mail: mail(destination), [eventType.charAt(0).toLowerCase() + eventType.slice(1)]: detail });
const delivery = sesEvent('Delivery', { timestamp: '2026-03-02T09:50:00.000Z', processingTimeMillis: 546, recipients: ['lead@example.com'], smtpResponse: '250 ok', reportingMTA: 'a8-70.smtp-out.amazonses.com' });

const expectedDelivery = {
  source: 'ses',
  providerEventId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
  type: 'delivered',
  occurredAt: '2026-03-02T09:50:00.000Z',
  sequenceId: 123,
  step: 2,
  providerMessageId: MESSAGE_ID,
  email: 'lead@example.com',
  url: null,
  metadata: { ses_event: 'Delivery', lead_ext_id: 'lead_123' },
};

async function receive(fields: SnsFields) {
  const verified = await verify(fields);
  if (verified.kind !== 'notification') throw new Error(`expected a notification, got ${verified.kind}`);
  return mapSesNotification(verified.message);
}

describe('SNS signature', () => {
  it.each(['1', '2'] as const)('accepts SignatureVersion %s and maps the SES event exactly', async (version) => {
    const fields = signSns(notification(delivery, now), cert.privateKey, version);
    expect(await receive(fields)).toEqual({ reports: [expectedDelivery], skipped: [] });
    expect(fetched).toEqual([]);
  });

  it('covers Subject when the notification has one', async () => {
    const fields = signSns(notification(delivery, now, { Subject: 'Amazon SES Email Event Notification' }), cert.privateKey);
    expect((await verify(fields)).kind).toBe('notification');
    expect(await authReason(verify({ ...fields, Subject: 'Something else' }))).toBe('signature mismatch');
  });

  it('rejects a tampered message', async () => {
    const fields = signSns(notification(delivery, now), cert.privateKey);
    expect(await authReason(verify({ ...fields, Message: fields.Message!.replace('Delivery', 'Bounce') }))).toBe('signature mismatch');
  });

  it('rejects a signature made with another key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(await authReason(verify(signSns(notification(delivery, now), privateKey)))).toBe('signature mismatch');
  });

  it('rejects a v1 signature presented as v2, and an unknown version', async () => {
    const v1 = signSns(notification(delivery, now), cert.privateKey, '1');
    expect(await authReason(verify({ ...v1, SignatureVersion: '2' }))).toBe('signature mismatch');
    expect(await authReason(verify({ ...v1, SignatureVersion: '3' }))).toBe('unsupported SignatureVersion');
  });

  it('rejects a stale Timestamp (older than 1 hour) and one more than 5 minutes ahead', async () => {
    const stale = signSns(notification(delivery, new Date(now.getTime() - 3601_000)), cert.privateKey);
    expect(await authReason(verify(stale))).toBe('Timestamp is older than 1 hour');
    const ahead = signSns(notification(delivery, new Date(now.getTime() + 301_000)), cert.privateKey);
    expect(await authReason(verify(ahead))).toBe('Timestamp is more than 5 minutes in the future');
    const retried = signSns(notification(delivery, new Date(now.getTime() - 3500_000)), cert.privateKey);
    expect((await verify(retried)).kind).toBe('notification');
  });

  it('rejects a request without the SNS message-type header, or without a signed field', async () => {
    const fields = signSns(notification(delivery, now), cert.privateKey);
    const { 'x-amz-sns-message-type': _dropped, ...headers } = snsHeaders(fields);
    expect(await authReason(verify(fields, { headers }))).toBe('missing header x-amz-sns-message-type');
    const { Signature: _signature, ...unsigned } = fields;
    expect(await authReason(verify(unsigned))).toBe('missing Signature');
  });

  it('rejects headers that disagree with the body', async () => {
    const fields = signSns(notification(delivery, now), cert.privateKey);
    expect(await authReason(verify(fields, { headers: { ...snsHeaders(fields), 'x-amz-sns-message-type': 'SubscriptionConfirmation' } }))).toBe('x-amz-sns-message-type does not match Type');
    expect(await authReason(verify(fields, { headers: { ...snsHeaders(fields), 'x-amz-sns-topic-arn': 'arn:aws:sns:eu-west-1:123456789012:other' } }))).toBe('x-amz-sns-topic-arn does not match TopicArn');
  });

  it.each([
    ['https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem', 'SigningCertURL is not on an Amazon SNS host'],
    ['https://evil.example/sns.eu-west-1.amazonaws.com/cert.pem', 'SigningCertURL is not on an Amazon SNS host'],
    ['https://s3.eu-west-1.amazonaws.com/cert.pem', 'SigningCertURL is not on an Amazon SNS host'],
    ['https://sns.eu-west-1.amazonaws.com:8443/cert.pem', 'SigningCertURL is not on an Amazon SNS host'],
    ['http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem', 'SigningCertURL is not https'],
    ['https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.crt', 'SigningCertURL is not a .pem file'],
    ['not a url', 'SigningCertURL is not a URL'],
  ])('rejects the certificate URL %s without fetching it', async (url, reason) => {
    const fields = signSns(notification(delivery, now, { SigningCertURL: url }), cert.privateKey);
    expect(await authReason(verify(fields))).toBe(reason);
    expect(fetched).toEqual([]);
  });

  it('accepts a certificate URL in an AWS China region', async () => {
    const url = 'https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem';
    certificates.set(url, cert.pem);
    expect((await verify(signSns(notification(delivery, now, { SigningCertURL: url }), cert.privateKey))).kind).toBe('notification');
  });

  it('rejects a topic not in the allow-list, before fetching anything', async () => {
    const other = 'arn:aws:sns:eu-west-1:999999999999:someone-else';
    const fields = signSns(notification(delivery, now, { TopicArn: other, SigningCertURL: CERT_URL.replace('0123', '9999') }), cert.privateKey);
    expect(await authReason(verify(fields))).toBe('topic is not in the allow-list');
    expect(fetched).toEqual([]);
    await expect(verify(fields, { topicArns: [] })).rejects.toThrow('no SNS topic ARNs are configured');
  });

  it('rejects an expired certificate and one not yet valid', async () => {
    const after = new Date(cert.validTo.getTime() + 60_000);
    expect(await authReason(verify(signSns(notification(delivery, after), cert.privateKey), { at: after }))).toBe('signing certificate has expired');
    const before = new Date(cert.validFrom.getTime() - 60_000);
    expect(await authReason(verify(signSns(notification(delivery, before), cert.privateKey), { at: before }))).toBe('signing certificate is not yet valid');
  });

  it('recognises a subscription confirmation and returns the URL to GET', async () => {
    const subscribeUrl = `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC_ARN}&Token=2336412f37f`;
    const confirmation = (url: string): SnsFields =>
      signSns(
        {
          Type: 'SubscriptionConfirmation',
          MessageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b',
          Token: '2336412f37f',
          TopicArn: TOPIC_ARN,
          Message: `You have chosen to subscribe to the topic ${TOPIC_ARN}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
          SubscribeURL: url,
          Timestamp: now.toISOString(),
          SigningCertURL: CERT_URL,
        },
        cert.privateKey,
        '1',
      );
    expect(await verify(confirmation(subscribeUrl))).toEqual({ kind: 'subscription-confirmation', topicArn: TOPIC_ARN, messageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b', subscribeUrl });
    expect(await authReason(verify(confirmation(subscribeUrl.replace('sns.eu-west-1.amazonaws.com', 'evil.example'))))).toBe('SubscribeURL is not on an Amazon SNS host');
    expect(await authReason(verify(confirmation(subscribeUrl.replace('https:', 'http:'))))).toBe('SubscribeURL is not https');
    expect(await authReason(verify(confirmation(subscribeUrl.replace('ses-engagement', 'other-topic'))))).toBe('SubscribeURL does not confirm this topic');
    const unsubscribe = signSns({ ...confirmation(subscribeUrl), Type: 'UnsubscribeConfirmation' }, cert.privateKey);
    expect(await verify(unsubscribe)).toEqual({ kind: 'unsubscribe-confirmation', topicArn: TOPIC_ARN, messageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b' });
  });
});

describe('the certificate cache', () => {
  it('uses a cached certificate without fetching, fetches an uncached one once, and does not cache failures', async () => {
    let calls = 0;
    let fail = true;
    const source = new CachingCertificateSource(async () => {
      calls += 1;
      if (fail) throw new Error('unreachable');
      return cert.pem;
    });
    source.set(CERT_URL, cert.pem);
    expect(await source.get(CERT_URL)).toBe(cert.pem);
    expect(calls).toBe(0);

    const other = CERT_URL.replace('0123', '4567');
    await expect(source.get(other)).rejects.toThrow('unreachable');
    expect(source.has(other)).toBe(false);
    fail = false;
    const [a, b] = await Promise.all([source.get(other), source.get(other)]);
    expect([a, b, calls]).toEqual([cert.pem, cert.pem, 2]);
    await source.get(other);
    expect(calls).toBe(2);
  });

  it('keeps at most maxEntries certificates', async () => {
    const source = new CachingCertificateSource(async () => cert.pem, 2);
    source.set('https://sns.a.amazonaws.com/1.pem', cert.pem);
    source.set('https://sns.a.amazonaws.com/2.pem', cert.pem);
    source.set('https://sns.a.amazonaws.com/3.pem', cert.pem);
    expect([1, 2, 3].map((n) => source.has(`https://sns.a.amazonaws.com/${n}.pem`))).toEqual([false, true, true]);
  });

  it('never fetches a URL that is not an SNS certificate URL', async () => {
    await expect(fetchCertificateOverHttps('http://sns.eu-west-1.amazonaws.com/x.pem')).rejects.toThrow('SigningCertURL is not https');
    await expect(fetchCertificateOverHttps('https://127.0.0.1/x.pem')).rejects.toThrow('SigningCertURL is not on an Amazon SNS host');
  });
});

describe('SES event mapping', () => {
  const map = (event: unknown, overrides: Partial<SnsNotification> = {}) => mapSesNotification({ ...(notification(event, new Date('2026-03-02T09:59:00Z')) as unknown as SnsNotification), ...overrides });
  const base = { ...expectedDelivery };

  it('maps a delivery to several recipients, one report each with an indexed id', () => {
    const event = sesEvent('Delivery', { timestamp: '2026-03-02T09:50:00.000Z', recipients: ['a@example.com', 'b@example.com'] }, ['a@example.com', 'b@example.com']);
    expect(map(event).reports).toEqual([
      { ...base, providerEventId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324:0', email: 'a@example.com' },
      { ...base, providerEventId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324:1', email: 'b@example.com' },
    ]);
  });

  it('maps permanent bounces as hard and transient/undetermined ones as soft', () => {
    const bounce = (bounceType: string, bounceSubType: string) =>
      sesEvent('Bounce', { bounceType, bounceSubType, bouncedRecipients: [{ emailAddress: 'lead@example.com', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }], timestamp: '2026-03-02T09:51:00.000Z', feedbackId: 'f-1' });
    const expected = (bounceKind: string, bounceType: string, bounceSubType: string) => [
      { ...base, type: 'bounced', bounceKind, occurredAt: '2026-03-02T09:51:00.000Z', metadata: { ses_event: 'Bounce', bounceType, bounceSubType, lead_ext_id: 'lead_123' } },
    ];
    expect(map(bounce('Permanent', 'General')).reports).toEqual(expected('hard', 'Permanent', 'General'));
    expect(map(bounce('Transient', 'MailboxFull')).reports).toEqual(expected('soft', 'Transient', 'MailboxFull'));
    expect(map(bounce('Undetermined', 'Undetermined')).reports).toEqual(expected('soft', 'Undetermined', 'Undetermined'));
  });

  it('maps complaints', () => {
    const event = sesEvent('Complaint', { complainedRecipients: [{ emailAddress: 'lead@example.com' }], timestamp: '2026-03-02T09:52:00.000Z', feedbackId: 'f-2', complaintFeedbackType: 'abuse' });
    expect(map(event).reports).toEqual([{ ...base, type: 'complained', occurredAt: '2026-03-02T09:52:00.000Z', metadata: { ses_event: 'Complaint', complaintFeedbackType: 'abuse', lead_ext_id: 'lead_123' } }]);
  });

  it('maps opens, flagging the Apple privacy proxy as a machine open', () => {
    const open = (userAgent: string) => sesEvent('Open', { ipAddress: '192.0.2.1', timestamp: '2026-03-02T09:53:00.000Z', userAgent });
    const expected = (machineOpen: boolean, userAgent: string) => [{ ...base, type: 'opened', machineOpen, occurredAt: '2026-03-02T09:53:00.000Z', metadata: { ses_event: 'Open', userAgent, lead_ext_id: 'lead_123' } }];
    expect(map(open('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15')).reports).toEqual(expected(false, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15'));
    expect(map(open('Mozilla/5.0')).reports).toEqual(expected(true, 'Mozilla/5.0'));
  });

  it('maps clicks with the link', () => {
    const event = sesEvent('Click', { ipAddress: '192.0.2.1', timestamp: '2026-03-02T09:54:00.000Z', userAgent: 'Mozilla/5.0 (Windows NT 10.0)', link: 'https://example.com/pricing', linkTags: { cta: ['pricing'] } });
    expect(map(event).reports).toEqual([
      { ...base, type: 'clicked', url: 'https://example.com/pricing', occurredAt: '2026-03-02T09:54:00.000Z', metadata: { ses_event: 'Click', userAgent: 'Mozilla/5.0 (Windows NT 10.0)', linkTags: { cta: ['pricing'] }, lead_ext_id: 'lead_123' } },
    ]);
  });

  it('maps an unsubscribe from all topics; skips topic-only changes', () => {
    const subscription = (unsubscribeAll: boolean) =>
      sesEvent('Subscription', { contactList: 'nurture', timestamp: '2026-03-02T09:55:00.000Z', source: 'UnsubscribeHeader', newTopicPreferences: { unsubscribeAll, topicSubscriptionStatus: [] }, oldTopicPreferences: { unsubscribeAll: false } });
    expect(map(subscription(true)).reports).toEqual([{ ...base, type: 'unsubscribed', occurredAt: '2026-03-02T09:55:00.000Z', metadata: { ses_event: 'Subscription', contactList: 'nurture', source: 'UnsubscribeHeader', lead_ext_id: 'lead_123' } }]);
    expect(map(subscription(false)).reports).toEqual([]);
  });

  it('reads the notificationType format (no tags) and skips Send, DeliveryDelay and the topic validation message', () => {
    const legacy = { notificationType: 'Bounce', mail: { ...mail(), tags: undefined }, bounce: { bounceType: 'Permanent', bounceSubType: 'Suppressed', bouncedRecipients: [{ emailAddress: 'lead@example.com' }], timestamp: '2026-03-02T09:51:00.000Z' } };
    expect(map(legacy).reports).toEqual([{ ...base, type: 'bounced', bounceKind: 'hard', sequenceId: null, step: null, occurredAt: '2026-03-02T09:51:00.000Z', metadata: { ses_event: 'Bounce', bounceType: 'Permanent', bounceSubType: 'Suppressed' } }]);
    expect(map(sesEvent('Send', {})).skipped).toEqual([{ index: 0, event: 'Send', reason: 'not an engagement event' }]);
    expect(map(sesEvent('DeliveryDelay', { delayType: 'MailboxFull' })).skipped).toHaveLength(1);
    expect(map('Successfully validated SNS topic for Amazon SES event publishing.').skipped).toEqual([{ index: 0, event: 'setup', reason: 'SES topic validation message' }]);
  });

  it('names the unreadable field', () => {
    expect(() => map('not json')).toThrow('Message: is not an SES event (not JSON)');
    expect(() => map({ eventType: 'Delivery' })).toThrow('Message.mail: is required');
    expect(() => map(sesEvent('Bounce', { bounceType: 'Permanent', bouncedRecipients: [] }))).toThrow('Message.bounce.bouncedRecipients: must be a non-empty array');
  });
});
