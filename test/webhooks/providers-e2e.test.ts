// Every provider's webhook over real HTTP against a running server and a real database: a
// valid signed payload is recorded on the right sequence; a tampered body, a wrong key, a stale
// timestamp are refused (401) and append nothing; a replayed delivery is acknowledged and
// appends nothing; a provider whose secret is not set answers 404.
import { SNS_CERTIFICATES } from '../../src/infrastructure/webhooks/ses-webhook.controller.js';
import type { CachingCertificateSource } from '../../src/infrastructure/webhooks/providers/index.js';
import { mailgunSignature, newSendGridKeys, newWebhookSecret, sendGridHeaders, standardWebhookHeaders, unix } from './providers/support/signing.js';
import { selfSignedCertificate } from './providers/support/sns-certificate.js';
import { CERT_URL, TOPIC_ARN, notification, signSns, snsHeaders } from './providers/support/sns-signing.js';
import { post, type WebhookFixture, webhookFixture } from './support/webhook-fixture.js';

const sendgrid = newSendGridKeys();
const mailgunKey = 'key-mailgun-test-signing-key';
const resendSecret = newWebhookSecret();
const inboundSecret = newWebhookSecret();
const postmarkAuth = 'postmark:s3cret-pass';
const cert = selfSignedCertificate();
const iso = (d: Date) => d.toISOString();

describe('provider webhooks over HTTP', () => {
  let f: WebhookFixture;

  beforeAll(async () => {
    Object.assign(process.env, {
      NURTURE_SENDGRID_PUBLIC_KEY: sendgrid.publicKeyBase64,
      NURTURE_MAILGUN_SIGNING_KEY: mailgunKey,
      NURTURE_POSTMARK_BASIC_AUTH: postmarkAuth,
      NURTURE_SES_TOPIC_ARNS: TOPIC_ARN,
      NURTURE_RESEND_WEBHOOK_SECRET: resendSecret,
      NURTURE_WEBHOOK_SECRET: inboundSecret,
    });
    f = await webhookFixture();
    (f.app.app.get(SNS_CERTIFICATES) as CachingCertificateSource).set(CERT_URL, cert.pem);
  });
  afterAll(async () => {
    for (const name of ['NURTURE_SENDGRID_PUBLIC_KEY', 'NURTURE_MAILGUN_SIGNING_KEY', 'NURTURE_POSTMARK_BASIC_AUTH', 'NURTURE_SES_TOPIC_ARNS', 'NURTURE_RESEND_WEBHOOK_SECRET', 'NURTURE_WEBHOOK_SECRET']) delete process.env[name];
    await f.close();
  });

  /** Posts, asserts the status, and returns how many events the request appended. */
  async function appended(path: string, body: string, headers: Record<string, string>, status: number): Promise<number> {
    const before = await f.eventCount();
    const r = await post(`${f.app.url}${path}`, body, headers);
    expect({ status: r.status, json: r.json }).toMatchObject({ status });
    return (await f.eventCount()) - before;
  }

  describe('SendGrid (ECDSA P-256)', () => {
    const body = (id: string) => JSON.stringify([{ email: 'bo@example.com', timestamp: unix(new Date()), event: 'open', sg_event_id: id, sg_message_id: `${f.messageIds.b}.filter0001.1.2.0`, sg_machine_open: false }]);
    it('records a signed open on the sequence its message id names', async () => {
      const b = body('sg-1');
      expect(await appended('/webhooks/sendgrid', b, sendGridHeaders(sendgrid.privateKey, unix(new Date()), b), 200)).toBe(1);
      await f.catchUp();
      const { rows } = await f.t.db.pool.query(`SELECT open_count FROM lead_nurturing_events WHERE sequence_id = $1`, [f.sequences.b]);
      expect(rows).toEqual([{ open_count: 1 }]);
    });
    it('refuses a tampered body, a wrong key and a stale timestamp; acknowledges a replay', async () => {
      const b = body('sg-2');
      const signed = sendGridHeaders(sendgrid.privateKey, unix(new Date()), b);
      expect(await appended('/webhooks/sendgrid', b.replace('open', 'click'), signed, 401)).toBe(0);
      expect(await appended('/webhooks/sendgrid', b, sendGridHeaders(newSendGridKeys().privateKey, unix(new Date()), b), 401)).toBe(0);
      const stale = unix(new Date()) - 600;
      expect(await appended('/webhooks/sendgrid', b, sendGridHeaders(sendgrid.privateKey, stale, b), 401)).toBe(0);
      expect(await appended('/webhooks/sendgrid', b, signed, 200)).toBe(1);
      expect(await appended('/webhooks/sendgrid', b, signed, 200)).toBe(0);
    });
  });

  describe('Mailgun (HMAC-SHA256 of timestamp + token)', () => {
    const at = Date.now() / 1000;
    const body = (id: string, signature = mailgunSignature(mailgunKey, unix(new Date()))) =>
      JSON.stringify({ signature, 'event-data': { event: 'clicked', id, timestamp: at, recipient: 'bo@example.com', url: 'https://x.test/p', message: { headers: { 'message-id': f.messageIds.b } } } });
    it('records a signed click', async () => {
      expect(await appended('/webhooks/mailgun', body('mg-1'), {}, 200)).toBe(1);
    });
    it('refuses a wrong key, a stale timestamp, and a token reused with another event; acknowledges a retry', async () => {
      expect(await appended('/webhooks/mailgun', body('mg-2', mailgunSignature('another-key', unix(new Date()))), {}, 401)).toBe(0);
      expect(await appended('/webhooks/mailgun', body('mg-2', mailgunSignature(mailgunKey, unix(new Date()) - 600)), {}, 401)).toBe(0);
      const signature = mailgunSignature(mailgunKey, unix(new Date()));
      expect(await appended('/webhooks/mailgun', body('mg-3', signature), {}, 200)).toBe(1);
      expect(await appended('/webhooks/mailgun', body('mg-3', signature), {}, 200)).toBe(0);
      expect(await appended('/webhooks/mailgun', body('mg-4', signature), {}, 401)).toBe(0); // tampered: same token, other event
    });
  });

  describe('Postmark (basic auth)', () => {
    const body = (at: string) => JSON.stringify({ RecordType: 'Delivery', MessageID: 'pm-1', Recipient: 'bo@example.com', DeliveredAt: at, Metadata: { sequence_id: String(f.sequences.b) } });
    const auth = (credentials: string) => ({ authorization: `Basic ${Buffer.from(credentials).toString('base64')}` });
    it('records a delivery with the right credentials; refuses wrong or missing ones; acknowledges a replay', async () => {
      const b = body(iso(new Date()));
      expect(await appended('/webhooks/postmark', b, auth('postmark:wrong'), 401)).toBe(0);
      expect(await appended('/webhooks/postmark', b, {}, 401)).toBe(0);
      expect(await appended('/webhooks/postmark', b, auth(postmarkAuth), 200)).toBe(1);
      expect(await appended('/webhooks/postmark', b, auth(postmarkAuth), 200)).toBe(0);
    });
  });

  describe('Amazon SES via SNS (signature, certificate URL, topic allow-list)', () => {
    const ses = (messageId: string) => ({ eventType: 'Open', mail: { messageId: 'ses-msg-1', destination: ['bo@example.com'], tags: { sequence_id: [String(f.sequences.b)] } }, open: { timestamp: iso(new Date()), userAgent: 'Mozilla/5.0 (Macintosh) Chrome' }, _id: messageId });
    const message = (messageId: string, over: Record<string, string> = {}) => signSns(notification(ses(messageId), new Date(), { MessageId: messageId, ...over }), cert.privateKey);
    it('records a signed notification (v2 and v1)', async () => {
      const m = message('sns-1');
      expect(await appended('/webhooks/ses', JSON.stringify(m), snsHeaders(m), 200)).toBe(1);
      const v1 = signSns(notification(ses('sns-1b'), new Date(), { MessageId: 'sns-1b' }), cert.privateKey, '1');
      expect(await appended('/webhooks/ses', JSON.stringify(v1), snsHeaders(v1), 200)).toBe(1);
    });
    it('refuses a tampered message, another key, a foreign certificate URL, a stale message and an unknown topic; acknowledges a replay', async () => {
      const m = message('sns-2');
      expect(await appended('/webhooks/ses', JSON.stringify({ ...m, Message: m.Message!.replace('Open', 'Click') }), snsHeaders(m), 401)).toBe(0);
      const other = selfSignedCertificate();
      const forged = signSns(notification(ses('sns-3'), new Date(), { MessageId: 'sns-3' }), other.privateKey);
      expect(await appended('/webhooks/ses', JSON.stringify(forged), snsHeaders(forged), 401)).toBe(0);
      const foreign = message('sns-4', { SigningCertURL: 'https://sns.eu-west-1.amazonaws.evil.com/cert.pem' });
      expect(await appended('/webhooks/ses', JSON.stringify(foreign), snsHeaders(foreign), 401)).toBe(0);
      const stale = signSns(notification(ses('sns-5'), new Date(Date.now() - 2 * 3_600_000), { MessageId: 'sns-5' }), cert.privateKey);
      expect(await appended('/webhooks/ses', JSON.stringify(stale), snsHeaders(stale), 401)).toBe(0);
      const topic = message('sns-6', { TopicArn: 'arn:aws:sns:eu-west-1:999999999999:other' });
      expect(await appended('/webhooks/ses', JSON.stringify(topic), snsHeaders(topic), 401)).toBe(0);
      expect(await appended('/webhooks/ses', JSON.stringify(m), snsHeaders(m), 200)).toBe(1);
      expect(await appended('/webhooks/ses', JSON.stringify(m), snsHeaders(m), 200)).toBe(0);
    });
    it('answers a signed subscription confirmation by confirming it (502 here: no internet to reach SNS)', async () => {
      const confirmation = signSns(
        {
          Type: 'SubscriptionConfirmation',
          MessageId: 'sns-sub-1',
          Token: 'token-1',
          TopicArn: TOPIC_ARN,
          Message: 'You have chosen to subscribe to the topic.',
          SubscribeURL: `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC_ARN}&Token=token-1`,
          Timestamp: iso(new Date()),
          SigningCertURL: CERT_URL,
        },
        cert.privateKey,
      );
      const r = await post(`${f.app.url}/webhooks/ses`, JSON.stringify(confirmation), snsHeaders(confirmation));
      expect(r.status).toBe(502);
      expect(r.json.message).toMatch(/could not confirm the SNS subscription/);
    });
  });

  describe('Resend (Svix)', () => {
    const body = JSON.stringify({ type: 'email.clicked', created_at: iso(new Date()), data: { email_id: 'resend-1', to: ['bo@example.com'], tags: { sequence_id: String(f?.sequences.b ?? 0) }, click: { link: 'https://x.test/r' } } });
    it('records a signed event; refuses tampered, wrong key, stale; acknowledges a replay', async () => {
      const b = body.replace('"sequence_id":"0"', `"sequence_id":"${f.sequences.b}"`);
      const headers = standardWebhookHeaders(resendSecret, 'msg_resend_1', unix(new Date()), b, 'svix');
      expect(await appended('/webhooks/resend', b.replace('clicked', 'opened'), headers, 401)).toBe(0);
      expect(await appended('/webhooks/resend', b, standardWebhookHeaders(newWebhookSecret(), 'msg_resend_1', unix(new Date()), b, 'svix'), 401)).toBe(0);
      expect(await appended('/webhooks/resend', b, standardWebhookHeaders(resendSecret, 'msg_resend_1', unix(new Date()) - 600, b, 'svix'), 401)).toBe(0);
      expect(await appended('/webhooks/resend', b, headers, 200)).toBe(1);
      expect(await appended('/webhooks/resend', b, headers, 200)).toBe(0);
    });
  });

  describe('inbound replies (matched by In-Reply-To / References)', () => {
    it('records a reply to our email, found by its message id in References', async () => {
      const b = JSON.stringify({
        from: 'Bo <bo@example.com>',
        to: 'marketing@example.com',
        subject: 'Re: hello',
        message_id: '<reply-1@mail.example.com>',
        headers: { 'In-Reply-To': '<unknown@elsewhere>', References: `<${f.messageIds.b}@provider.example> <unknown@elsewhere>` },
      });
      const replies = await f.eventCount('EmailReplied');
      // The reply also qualifies lead_b: 10 + reply 15 + 2 clicks 12 + 5 opens 15 = 52.
      expect(await appended('/webhooks/inbound', b, standardWebhookHeaders(inboundSecret, 'msg_in_1', unix(new Date()), b), 200)).toBe(2);
      expect(await f.eventCount('EmailReplied')).toBe(replies + 1);
      expect(await f.eventCount('LeadQualified')).toBe(1);
      await f.catchUp();
      const { rows } = await f.t.db.pool.query(`SELECT reply_count FROM lead_nurturing_events WHERE sequence_id = $1`, [f.sequences.b]);
      expect(rows).toEqual([{ reply_count: 1 }]);
      expect(await appended('/webhooks/inbound', b, standardWebhookHeaders(newWebhookSecret(), 'msg_in_2', unix(new Date()), b), 401)).toBe(0);
    });
  });

  it('a provider whose secret is not set answers 404 on its path', async () => {
    const saved = process.env.NURTURE_MAILGUN_SIGNING_KEY;
    delete process.env.NURTURE_MAILGUN_SIGNING_KEY;
    try {
      const r = await post(`${f.app.url}/webhooks/mailgun`, '{}', {});
      expect(r.status).toBe(404);
    } finally {
      process.env.NURTURE_MAILGUN_SIGNING_KEY = saved;
    }
  });

  it('machine opens are recorded but do not score', async () => {
    const b = JSON.stringify([{ email: 'ana@example.com', timestamp: unix(new Date()), event: 'open', sg_event_id: 'sg-machine', sg_message_id: f.messageIds.a, sg_machine_open: true }]);
    expect(await appended('/webhooks/sendgrid', b, sendGridHeaders(sendgrid.privateKey, unix(new Date()), b), 200)).toBe(1);
    await f.catchUp();
    const { rows } = await f.t.db.pool.query(`SELECT e.metadata->>'machine_open_count' AS machine, s.total_opens FROM lead_nurturing_events e JOIN lead_nurturing_engagement_summary s ON s.sequence_id = e.sequence_id WHERE e.sequence_id = $1`, [f.sequences.a]);
    expect(rows).toEqual([{ machine: '1', total_opens: 0 }]);
  });
});
