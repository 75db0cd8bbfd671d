import { generateKeyPairSync } from 'node:crypto';
import { mapSendGridEvents } from '../../../src/infrastructure/webhooks/providers/sendgrid/map-sendgrid-events.js';
import { sendGridMessageId } from '../../../src/infrastructure/webhooks/providers/sendgrid/sendgrid-message-id.js';
import { parseSendGridPublicKey } from '../../../src/infrastructure/webhooks/providers/sendgrid/sendgrid-public-key.js';
import { verifySendGridSignature } from '../../../src/infrastructure/webhooks/providers/sendgrid/verify-sendgrid-signature.js';
import { WebhookPayloadError } from '../../../src/infrastructure/webhooks/providers/webhook-payload-error.js';
import { newSendGridKeys, sendGridHeaders, unix } from './support/signing.js';
import { authReason } from './support/auth-reason.js';

const now = new Date('2026-03-02T10:00:00Z');
const keys = newSendGridKeys();
const ts = 1772445000; // 2026-03-02T09:50:00Z: when the events happened
const signedAt = unix(now) - 30; // when SendGrid posted them

// Custom args as SendGrid echoes them: strings, at the top level of each event.
const ours = { sequence_id: '123', step_number: '2', lead_ext_id: 'lead_123' };
const common = { email: 'lead@example.com', timestamp: ts, 'smtp-id': '<14c5d75ce93.dfd.64b469@ismtpd-555>', category: ['nurture'], sg_message_id: '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0', ...ours };

const events = [
  { ...common, event: 'processed', sg_event_id: 'ev-processed' },
  { ...common, event: 'deferred', sg_event_id: 'ev-deferred', response: '400 try again later', attempt: '5' },
  { ...common, event: 'delivered', sg_event_id: 'ev-delivered', response: '250 OK' },
  { ...common, event: 'open', sg_event_id: 'ev-open', sg_machine_open: false, useragent: 'Mozilla/5.0 (Windows NT 10.0)', ip: '203.0.113.9' },
  { ...common, event: 'open', sg_event_id: 'ev-machine-open', sg_machine_open: true, useragent: 'Mozilla/5.0', ip: '17.58.0.1' },
  { ...common, event: 'click', sg_event_id: 'ev-click', url: 'https://example.com/pricing', url_offset: { index: 0, type: 'html' }, useragent: 'Mozilla/5.0 (iPhone)' },
  { ...common, event: 'bounce', sg_event_id: 'ev-bounce', type: 'bounce', reason: '550 5.1.1 unknown user', status: '5.1.1', bounce_classification: 'Invalid Address' },
  { ...common, event: 'bounce', sg_event_id: 'ev-blocked', type: 'blocked', reason: '421 try later', status: '4.0.0', bounce_classification: 'Technical' },
  { ...common, event: 'dropped', sg_event_id: 'ev-drop-bounced', reason: 'Bounced Address', status: '5.0.0' },
  { ...common, event: 'dropped', sg_event_id: 'ev-drop-unsub', reason: 'Unsubscribed Address', status: '5.0.0' },
  { ...common, event: 'dropped', sg_event_id: 'ev-drop-spam', reason: 'Spam Reporting Address', status: '5.0.0' },
  { ...common, event: 'dropped', sg_event_id: 'ev-drop-content', reason: 'Spam Content (if Spam Checker app is enabled)', status: '5.0.0' },
  { ...common, event: 'spamreport', sg_event_id: 'ev-spam' },
  { ...common, event: 'unsubscribe', sg_event_id: 'ev-unsub' },
  { ...common, event: 'group_unsubscribe', sg_event_id: 'ev-group-unsub', asm_group_id: 10 },
  { ...common, event: 'group_resubscribe', sg_event_id: 'ev-group-resub', asm_group_id: 10 },
];
const body = JSON.stringify(events);

function receive(rawBody: string, headers: Record<string, string>, publicKey: string = keys.publicKeyBase64, at = now) {
  verifySendGridSignature({ rawBody: Buffer.from(rawBody), headers, publicKey, now: at });
  return mapSendGridEvents(Buffer.from(rawBody));
}

describe('SendGrid signed Event Webhook', () => {
  it('accepts a valid signature and maps every event type exactly', () => {
    const report = (sgEventId: string, fields: object, metadata: object = {}) => ({
      source: 'sendgrid',
      providerEventId: sgEventId,
      occurredAt: '2026-03-02T09:50:00.000Z',
      sequenceId: 123,
      step: 2,
      providerMessageId: '14c5d75ce93.dfd.64b469',
      email: 'lead@example.com',
      url: null,
      ...fields,
      metadata: { category: ['nurture'], lead_ext_id: 'lead_123', ...metadata },
    });
    const result = receive(body, sendGridHeaders(keys.privateKey, signedAt, body));
    expect(result.reports).toEqual([
      report('ev-delivered', { type: 'delivered' }, { sendgrid_event: 'delivered' }),
      report('ev-open', { type: 'opened', machineOpen: false }, { sendgrid_event: 'open', useragent: 'Mozilla/5.0 (Windows NT 10.0)' }),
      report('ev-machine-open', { type: 'opened', machineOpen: true }, { sendgrid_event: 'open', useragent: 'Mozilla/5.0' }),
      report('ev-click', { type: 'clicked', url: 'https://example.com/pricing' }, { sendgrid_event: 'click', useragent: 'Mozilla/5.0 (iPhone)' }),
      report('ev-bounce', { type: 'bounced', bounceKind: 'hard' }, { sendgrid_event: 'bounce', type: 'bounce', reason: '550 5.1.1 unknown user', status: '5.1.1', bounce_classification: 'Invalid Address' }),
      report('ev-blocked', { type: 'bounced', bounceKind: 'soft' }, { sendgrid_event: 'bounce', type: 'blocked', reason: '421 try later', status: '4.0.0', bounce_classification: 'Technical' }),
      report('ev-drop-bounced', { type: 'bounced', bounceKind: 'hard' }, { sendgrid_event: 'dropped', reason: 'Bounced Address', status: '5.0.0' }),
      report('ev-drop-unsub', { type: 'unsubscribed' }, { sendgrid_event: 'dropped', reason: 'Unsubscribed Address', status: '5.0.0' }),
      report('ev-drop-spam', { type: 'complained' }, { sendgrid_event: 'dropped', reason: 'Spam Reporting Address', status: '5.0.0' }),
      report('ev-drop-content', { type: 'bounced', bounceKind: 'soft' }, { sendgrid_event: 'dropped', reason: 'Spam Content (if Spam Checker app is enabled)', status: '5.0.0' }),
      report('ev-spam', { type: 'complained' }, { sendgrid_event: 'spamreport' }),
      report('ev-unsub', { type: 'unsubscribed' }, { sendgrid_event: 'unsubscribe' }),
      report('ev-group-unsub', { type: 'unsubscribed' }, { sendgrid_event: 'group_unsubscribe', asm_group_id: 10 }),
    ]);
    expect(result.skipped).toEqual([
      { index: 0, event: 'processed', reason: 'not an engagement event' },
      { index: 1, event: 'deferred', reason: 'not an engagement event' },
      { index: 15, event: 'group_resubscribe', reason: 'not an engagement event' },
    ]);
  });

  it('returns the signing time', () => {
    expect(verifySendGridSignature({ rawBody: Buffer.from(body), headers: sendGridHeaders(keys.privateKey, signedAt, body), publicKey: keys.publicKeyBase64, now })).toEqual(new Date(signedAt * 1000));
  });

  it('rejects a tampered body', () => {
    const headers = sendGridHeaders(keys.privateKey, signedAt, body);
    expect(authReason(() => receive(body.replace('"open"', '"click"'), headers))).toBe('signature mismatch');
  });

  it('rejects a signature made with another key, and a timestamp swapped after signing', () => {
    expect(authReason(() => receive(body, sendGridHeaders(newSendGridKeys().privateKey, signedAt, body)))).toBe('signature mismatch');
    const headers = { ...sendGridHeaders(keys.privateKey, signedAt, body), 'x-twilio-email-event-webhook-timestamp': String(signedAt + 1) };
    expect(authReason(() => receive(body, headers))).toBe('signature mismatch');
  });

  it('rejects a stale timestamp and one too far in the future', () => {
    const stale = unix(now) - 301;
    expect(authReason(() => receive(body, sendGridHeaders(keys.privateKey, stale, body)))).toBe('x-twilio-email-event-webhook-timestamp is older than 5 minutes');
    const ahead = unix(now) + 301;
    expect(authReason(() => receive(body, sendGridHeaders(keys.privateKey, ahead, body)))).toBe('x-twilio-email-event-webhook-timestamp is more than 5 minutes in the future');
  });

  it.each(['x-twilio-email-event-webhook-signature', 'x-twilio-email-event-webhook-timestamp'])('rejects a request without %s', (header) => {
    const headers = sendGridHeaders(keys.privateKey, signedAt, body);
    delete headers[header];
    expect(authReason(() => receive(body, headers))).toBe(`missing header ${header}`);
  });

  it('rejects a signature that is not DER at all', () => {
    expect(authReason(() => receive(body, { ...sendGridHeaders(keys.privateKey, signedAt, body), 'x-twilio-email-event-webhook-signature': 'bm90IGEgc2lnbmF0dXJl' }))).toBe('signature mismatch');
  });

  it('accepts the key as SendGrid shows it, as PEM, or parsed; refuses a key that is not P-256', () => {
    const headers = sendGridHeaders(keys.privateKey, signedAt, body);
    const pem = `-----BEGIN PUBLIC KEY-----\n${keys.publicKeyBase64}\n-----END PUBLIC KEY-----\n`;
    expect(receive(body, headers, pem).reports).toHaveLength(13);
    expect(verifySendGridSignature({ rawBody: Buffer.from(body), headers, publicKey: parseSendGridPublicKey(keys.publicKeyBase64), now })).toBeInstanceOf(Date);
    expect(() => parseSendGridPublicKey('bm90IGEga2V5')).toThrow('SendGrid verification key is not a base64 DER public key');
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    expect(() => parseSendGridPublicKey(p384)).toThrow('SendGrid verification key must be an ECDSA P-256 public key');
  });
});

describe('SendGrid mapping details', () => {
  it('strips the server suffix of sg_message_id (old and new formats)', () => {
    expect(sendGridMessageId('14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0')).toBe('14c5d75ce93.dfd.64b469');
    expect(sendGridMessageId('euo2iKxdSayPF4YE4--I7A.recvd-5f54b5d587-pczjm-1-67BADEEA-6.0')).toBe('euo2iKxdSayPF4YE4--I7A');
    expect(sendGridMessageId('9eZBI4XvQtiBGdAS9XJRGg')).toBe('9eZBI4XvQtiBGdAS9XJRGg');
  });

  it('treats custom args that are not positive integers as absent', () => {
    const raw = JSON.stringify([{ event: 'delivered', sg_event_id: 'x', timestamp: ts, email: 'a@example.com', sequence_id: 'abc', step_number: '-1' }]);
    expect(mapSendGridEvents(Buffer.from(raw)).reports[0]).toMatchObject({ sequenceId: null, step: null, providerMessageId: null });
  });

  it('names the field and index of unreadable events', () => {
    const cases: [unknown, string][] = [
      [{ event: 'open' }, 'body: must be a JSON array of events'],
      [[{ event: 'open', timestamp: ts }], '[0].sg_event_id: is required'],
      [[{ event: 'open', sg_event_id: 'x', timestamp: ts }, { sg_event_id: 'y' }], '[1].event: is required'],
      [[{ event: 'open', sg_event_id: 'x', timestamp: 'yesterday' }], '[0].timestamp: must be a Unix timestamp in seconds'],
    ];
    for (const [events, message] of cases) {
      expect(() => mapSendGridEvents(Buffer.from(JSON.stringify(events)))).toThrow(WebhookPayloadError);
      expect(() => mapSendGridEvents(Buffer.from(JSON.stringify(events)))).toThrow(message);
    }
  });
});
