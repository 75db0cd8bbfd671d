// Every provider's webhook over real HTTP: a signed delivery whose id, email, url or message id is
// over its bound (domain/shared/input-limits.ts) is refused with 422 naming the field (with its
// index in an array body), and records nothing: no event, no parked unmatched event.
import { MAX_EMAIL_LENGTH, MAX_PROVIDER_ID_LENGTH, MAX_URL_LENGTH } from '../../src/domain/shared/input-limits.js';
import { SNS_CERTIFICATES } from '../../src/infrastructure/webhooks/ses-webhook.controller.js';
import type { CachingCertificateSource } from '../../src/infrastructure/webhooks/providers/index.js';
import { mailgunSignature, newSendGridKeys, newWebhookSecret, sendGridHeaders, standardWebhookHeaders, unix } from './providers/support/signing.js';
import { selfSignedCertificate } from './providers/support/sns-certificate.js';
import { CERT_URL, TOPIC_ARN, notification, signSns, snsHeaders } from './providers/support/sns-signing.js';
import { post, type WebhookFixture, webhookFixture } from './support/webhook-fixture.js';

const sendgrid = newSendGridKeys();
const mailgunKey = 'key-mailgun-bounds';
const resendSecret = newWebhookSecret();
const webhookSecret = newWebhookSecret();
const postmarkAuth = 'postmark:bounds-pass';
const cert = selfSignedCertificate();
const ENV = ['NURTURE_SENDGRID_PUBLIC_KEY', 'NURTURE_MAILGUN_SIGNING_KEY', 'NURTURE_POSTMARK_BASIC_AUTH', 'NURTURE_SES_TOPIC_ARNS', 'NURTURE_RESEND_WEBHOOK_SECRET', 'NURTURE_WEBHOOK_SECRET'];

const longId = 'i'.repeat(MAX_PROVIDER_ID_LENGTH + 1);
const longEmail = `${'a'.repeat(MAX_EMAIL_LENGTH)}@example.com`;
const longUrl = `https://x.test/${'p'.repeat(MAX_URL_LENGTH)}`;
const now = () => new Date().toISOString();

describe('webhook input bounds over HTTP', () => {
  let f: WebhookFixture;
  let delivery = 0;

  beforeAll(async () => {
    Object.assign(process.env, {
      NURTURE_SENDGRID_PUBLIC_KEY: sendgrid.publicKeyBase64,
      NURTURE_MAILGUN_SIGNING_KEY: mailgunKey,
      NURTURE_POSTMARK_BASIC_AUTH: postmarkAuth,
      NURTURE_SES_TOPIC_ARNS: TOPIC_ARN,
      NURTURE_RESEND_WEBHOOK_SECRET: resendSecret,
      NURTURE_WEBHOOK_SECRET: webhookSecret,
    });
    f = await webhookFixture();
    (f.app.app.get(SNS_CERTIFICATES) as CachingCertificateSource).set(CERT_URL, cert.pem);
  });
  afterAll(async () => {
    for (const name of ENV) delete process.env[name];
    await f.close();
  });

  const recordedRows = async (): Promise<number> => {
    const { rows } = await f.t.db.pool.query(`SELECT (SELECT count(*) FROM es_events) + (SELECT count(*) FROM lead_nurturing_unmatched_events) AS n`);
    return Number(rows[0].n);
  };

  /** Posts and expects a 422 naming `field`; nothing may be recorded. */
  async function refused(path: string, body: string, headers: Record<string, string>, field: string): Promise<void> {
    const before = await recordedRows();
    const r = await post(`${f.app.url}${path}`, body, headers);
    expect({ status: r.status, field: r.json.field }).toEqual({ status: 422, field });
    expect(r.json.message).toMatch(/at most \d+ characters/);
    expect(await recordedRows()).toBe(before);
  }

  const spec = (payload: unknown, id = `msg_bounds_${++delivery}`) => {
    const body = JSON.stringify(payload);
    return [body, standardWebhookHeaders(webhookSecret, id, unix(new Date()), body)] as const;
  };
  const specEvent = (over: Record<string, unknown> = {}) => ({ email: 'ana@example.com', event_type: 'clicked', timestamp: now(), sequence_id: f.sequences.a, ...over });

  it('the specification\'s webhook: an array with one oversize url is refused whole, naming [i].url', async () => {
    await refused('/webhooks/engagement', ...spec([specEvent(), specEvent({ url: longUrl })]), '[1].url');
  });

  it.each([
    ['email', { email: longEmail }, 'email'],
    ['event_id', { event_id: longId }, 'event_id'],
    ['message_id', { message_id: `<${longId}>` }, 'message_id'],
  ])('the specification\'s webhook: an oversize %s is refused naming it', async (_, over, field) => {
    await refused('/webhooks/engagement', ...spec(specEvent(over)), field);
  });

  it('the specification\'s webhook: an oversize webhook-id (the event id of the delivery) is refused', async () => {
    await refused('/webhooks/engagement', ...spec(specEvent(), longId), 'webhook-id');
  });

  it('a value at its bound is accepted', async () => {
    const r = await post(`${f.app.url}/webhooks/engagement`, ...spec(specEvent({ event_id: 'e'.repeat(MAX_PROVIDER_ID_LENGTH), url: `https://x.test/${'p'.repeat(MAX_URL_LENGTH - 15)}` })));
    expect(r).toMatchObject({ status: 200, json: { recorded: 1 } });
  });

  it.each([
    ['sg_event_id', { sg_event_id: longId }, '[1].sg_event_id'],
    ['url', { event: 'click', url: longUrl }, '[1].url'],
    ['email', { email: longEmail }, '[1].email'],
    ['sg_message_id', { sg_message_id: longId }, '[1].sg_message_id'],
  ])('SendGrid: an oversize %s in the second event is refused naming it', async (_, over, field) => {
    const event = (o: Record<string, unknown>) => ({ email: 'bo@example.com', timestamp: unix(new Date()), event: 'open', sg_event_id: `sg-${++delivery}`, sg_message_id: `${f.messageIds.b}.filter0001`, ...o });
    const body = JSON.stringify([event({}), event(over)]);
    await refused('/webhooks/sendgrid', body, sendGridHeaders(sendgrid.privateKey, unix(new Date()), body), field);
  });

  it.each([
    ['id', { id: longId }, 'event-data.id'],
    ['recipient', { recipient: longEmail }, 'event-data.recipient'],
    ['url', { url: longUrl }, 'event-data.url'],
    ['message id header', { message: { headers: { 'message-id': longId } } }, 'event-data.message.headers.message-id'],
  ])('Mailgun: an oversize %s is refused naming it', async (_, over, field) => {
    const data = { event: 'clicked', id: `mg-${++delivery}`, timestamp: Date.now() / 1000, recipient: 'bo@example.com', url: 'https://x.test/p', message: { headers: { 'message-id': f.messageIds.b } }, ...over };
    await refused('/webhooks/mailgun', JSON.stringify({ signature: mailgunSignature(mailgunKey, unix(new Date())), 'event-data': data }), {}, field);
  });

  it.each([
    ['Recipient', { Recipient: longEmail }, 'Recipient'],
    ['MessageID', { MessageID: longId }, 'MessageID'],
    ['OriginalLink', { RecordType: 'Click', ReceivedAt: now(), OriginalLink: longUrl }, 'OriginalLink'],
  ])('Postmark: an oversize %s is refused naming it', async (_, over, field) => {
    const body = JSON.stringify({ RecordType: 'Delivery', MessageID: 'pm-b', Recipient: 'bo@example.com', DeliveredAt: now(), ...over });
    await refused('/webhooks/postmark', body, { authorization: `Basic ${Buffer.from(postmarkAuth).toString('base64')}` }, field);
  });

  it.each([
    ['data.email_id', { email_id: longId }, 'data.email_id'],
    ['data.click.link', { click: { link: longUrl } }, 'data.click.link'],
    ['data.to', { to: [longEmail] }, 'data.to[0]'],
  ])('Resend: an oversize %s is refused naming it', async (_, over, field) => {
    const body = JSON.stringify({ type: 'email.clicked', created_at: now(), data: { email_id: 'resend-b', to: ['bo@example.com'], click: { link: 'https://x.test/r' }, ...over } });
    await refused('/webhooks/resend', body, standardWebhookHeaders(resendSecret, `msg_resend_${++delivery}`, unix(new Date()), body, 'svix'), field);
  });

  it.each([
    ['MessageId', {}, { MessageId: longId }, 'MessageId'],
    ['mail.messageId', { mail: { messageId: longId, destination: ['bo@example.com'] } }, {}, 'Message.mail.messageId'],
    ['mail.destination', { mail: { messageId: 'ses-b', destination: [longEmail] } }, {}, 'Message.mail.destination[0]'],
    ['click link', { eventType: 'Click', click: { timestamp: now(), link: longUrl } }, {}, 'Message.click.link'],
  ])('Amazon SES: an oversize %s is refused naming it', async (_, over, envelope, field) => {
    const event = { eventType: 'Open', mail: { messageId: 'ses-b', destination: ['bo@example.com'] }, open: { timestamp: now(), userAgent: 'Chrome' }, ...over };
    const id = (envelope as Record<string, string>).MessageId ?? `sns-bounds-${++delivery}`;
    const m = signSns(notification(event, new Date(), { MessageId: id }), cert.privateKey);
    await refused('/webhooks/ses', JSON.stringify(m), snsHeaders(m), field);
  });

  it('inbound: an oversize from or message id is refused; an oversize References id is only not a candidate', async () => {
    const inbound = (payload: Record<string, unknown>) => {
      const body = JSON.stringify({ to: 'marketing@example.com', subject: 'Re: hi', headers: { 'In-Reply-To': `<${f.messageIds.a}>` }, ...payload });
      return [body, standardWebhookHeaders(webhookSecret, `msg_in_${++delivery}`, unix(new Date()), body)] as const;
    };
    await refused('/webhooks/inbound', ...inbound({ from: longEmail, message_id: '<r1@mail.example.com>' }), 'from');
    await refused('/webhooks/inbound', ...inbound({ from: 'ana@example.com', message_id: `<${longId}>` }), 'message-id');
    const [body, headers] = inbound({ from: 'ana@example.com', message_id: '<r2@mail.example.com>', headers: { 'In-Reply-To': `<${f.messageIds.a}>`, References: `<${longId}>` } });
    const r = await post(`${f.app.url}/webhooks/inbound`, body, headers);
    expect(r).toMatchObject({ status: 200, json: { recorded: 1 } });
  });
});
