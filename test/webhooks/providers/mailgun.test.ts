import { mapMailgunEvent } from '../../../src/infrastructure/webhooks/providers/mailgun/map-mailgun-event.js';
import { verifyMailgunSignature } from '../../../src/infrastructure/webhooks/providers/mailgun/verify-mailgun-signature.js';
import { WebhookPayloadError } from '../../../src/infrastructure/webhooks/providers/webhook-payload-error.js';
import { mailgunSignature, unix } from './support/signing.js';
import { authReason } from './support/auth-reason.js';

const now = new Date('2026-03-02T10:00:00Z');
const signingKey = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';
const occurred = 1772445000.329574; // 2026-03-02T09:50:00.330Z

const eventData = (event: string, extra: object = {}) => ({
  event,
  id: `id-${event}`,
  timestamp: occurred,
  recipient: 'lead@example.com',
  'log-level': 'info',
  tags: ['nurture'],
  'user-variables': { sequence_id: 123, step_number: '2', lead_ext_id: 'lead_123' },
  message: { headers: { 'message-id': '20260302095000.1.ABCDEF@mg.example.com', to: 'lead@example.com', from: 'marketing@example.com', subject: 'Hola' } },
  ...extra,
});

const post = (data: object, signature: object = mailgunSignature(signingKey, unix(now) - 20)) => JSON.stringify({ signature, 'event-data': data });

function receive(body: string, key = signingKey, at = now) {
  const verified = verifyMailgunSignature({ rawBody: Buffer.from(body), signingKey: key, now: at });
  return { verified, mapped: mapMailgunEvent(Buffer.from(body)) };
}

const report = (event: string, fields: object, metadata: object = {}) => ({
  source: 'mailgun',
  providerEventId: `id-${event}`,
  occurredAt: '2026-03-02T09:50:00.330Z',
  sequenceId: 123,
  step: 2,
  providerMessageId: '20260302095000.1.ABCDEF@mg.example.com',
  email: 'lead@example.com',
  url: null,
  ...fields,
  metadata: { mailgun_event: event, tags: ['nurture'], lead_ext_id: 'lead_123', ...metadata },
});

describe('Mailgun webhook signature', () => {
  it('accepts a valid signature and returns the token for de-duplication', () => {
    const signature = mailgunSignature(signingKey, unix(now) - 20, 'a'.repeat(50));
    expect(receive(post(eventData('delivered'), signature)).verified).toEqual({ token: 'a'.repeat(50), timestamp: new Date((unix(now) - 20) * 1000) });
  });

  it('rejects a tampered signature block (token or timestamp changed)', () => {
    const signature = mailgunSignature(signingKey, unix(now) - 20);
    expect(authReason(() => receive(post(eventData('delivered'), { ...signature, token: `${signature.token.slice(0, -1)}${signature.token.endsWith('0') ? '1' : '0'}` })))).toBe('signature mismatch');
    expect(authReason(() => receive(post(eventData('delivered'), { ...signature, timestamp: String(unix(now) - 19) })))).toBe('signature mismatch');
  });

  it('does not cover event-data (Mailgun signs only timestamp + token): a reused token is what the caller must refuse', () => {
    const signature = mailgunSignature(signingKey, unix(now) - 20);
    const first = receive(post(eventData('opened'), signature)).verified;
    const replay = receive(post(eventData('complained'), signature)).verified;
    expect(replay.token).toBe(first.token);
  });

  it('rejects a signature made with another key', () => {
    expect(authReason(() => receive(post(eventData('delivered'), mailgunSignature('key-other', unix(now) - 20))))).toBe('signature mismatch');
    expect(authReason(() => receive(post(eventData('delivered')), 'key-other'))).toBe('signature mismatch');
  });

  it('accepts a subaccount event whose parent-signature matches the configured (primary) key', () => {
    const signature = { ...mailgunSignature('key-subaccount', unix(now) - 20) };
    const parent = mailgunSignature(signingKey, Number(signature.timestamp), signature.token).signature;
    expect(receive(post(eventData('delivered'), { ...signature, 'parent-signature': parent })).mapped.reports).toHaveLength(1);
  });

  it('rejects a stale timestamp and one too far in the future', () => {
    expect(authReason(() => receive(post(eventData('delivered'), mailgunSignature(signingKey, unix(now) - 301))))).toBe('signature.timestamp is older than 5 minutes');
    expect(authReason(() => receive(post(eventData('delivered'), mailgunSignature(signingKey, unix(now) + 301))))).toBe('signature.timestamp is more than 5 minutes in the future');
  });

  it('rejects a body without the signature block or one of its fields', () => {
    expect(authReason(() => receive(JSON.stringify({ 'event-data': eventData('delivered') })))).toBe('missing signature block');
    for (const field of ['timestamp', 'token', 'signature'] as const) {
      const signature: Record<string, string> = { ...mailgunSignature(signingKey, unix(now) - 20) };
      delete signature[field];
      expect(authReason(() => receive(post(eventData('delivered'), signature)))).toBe(`missing signature.${field}`);
    }
  });

  it('answers malformed JSON with a payload error, not a 401', () => {
    expect(() => receive('{"signature": ')).toThrow(WebhookPayloadError);
  });
});

describe('Mailgun event mapping', () => {
  const human = { 'client-info': { 'client-name': 'Chrome', 'client-type': 'browser', 'user-agent': 'Mozilla/5.0 (Macintosh) Chrome/120', 'device-type': 'desktop', 'client-os': 'OS X', bot: '' } };
  const apple = { 'client-info': { 'client-name': 'unknown', 'client-type': 'unknown', 'user-agent': 'Mozilla/5.0', 'device-type': 'unknown', 'client-os': 'unknown', bot: 'apple' } };
  const cases: [object, object[]][] = [
    [eventData('delivered'), [report('delivered', { type: 'delivered' })]],
    [eventData('opened', human), [report('opened', { type: 'opened', machineOpen: false }, { user_agent: 'Mozilla/5.0 (Macintosh) Chrome/120' })]],
    [eventData('opened', apple), [report('opened', { type: 'opened', machineOpen: true }, { user_agent: 'Mozilla/5.0', bot: 'apple' })]],
    [eventData('clicked', { ...human, url: 'https://example.com/pricing' }), [report('clicked', { type: 'clicked', url: 'https://example.com/pricing' }, { user_agent: 'Mozilla/5.0 (Macintosh) Chrome/120' })]],
    [eventData('failed', { severity: 'permanent', reason: 'bounce' }), [report('failed', { type: 'bounced', bounceKind: 'hard' }, { severity: 'permanent', reason: 'bounce' })]],
    [eventData('failed', { severity: 'temporary', reason: 'generic' }), [report('failed', { type: 'bounced', bounceKind: 'soft' }, { severity: 'temporary', reason: 'generic' })]],
    [eventData('failed', { severity: 'permanent', reason: 'suppress-unsubscribe' }), [report('failed', { type: 'unsubscribed' }, { severity: 'permanent', reason: 'suppress-unsubscribe' })]],
    [eventData('failed', { severity: 'permanent', reason: 'suppress-complaint' }), [report('failed', { type: 'complained' }, { severity: 'permanent', reason: 'suppress-complaint' })]],
    [eventData('unsubscribed'), [report('unsubscribed', { type: 'unsubscribed' })]],
    [eventData('complained'), [report('complained', { type: 'complained' })]],
  ];

  const label = (data: { event?: string; severity?: string; reason?: string; 'client-info'?: { bot?: string } }) =>
    [data.event, data.severity, data.reason, data['client-info']?.bot && `bot ${data['client-info'].bot}`].filter(Boolean).join(' ');
  it.each(cases.map(([data, expected]) => [label(data), data, expected]))('maps %s exactly', (_name, data, expected) => {
    expect(receive(post(data as object)).mapped).toEqual({ reports: expected, skipped: [] });
  });

  it('skips events that carry no engagement', () => {
    expect(receive(post(eventData('accepted'))).mapped).toEqual({ reports: [], skipped: [{ index: 0, event: 'accepted', reason: 'not an engagement event' }] });
  });

  it('strips angle brackets from the message id and tolerates missing user variables', () => {
    const data = { ...eventData('delivered'), 'user-variables': undefined, message: { headers: { 'message-id': '<abc@mg.example.com>' } } };
    expect(receive(post(data)).mapped.reports[0]).toMatchObject({ providerMessageId: 'abc@mg.example.com', sequenceId: null, step: null });
  });

  it('names the missing field', () => {
    expect(() => receive(post({ ...eventData('delivered'), id: undefined }))).toThrow('event-data.id: is required');
    expect(() => receive(JSON.stringify({ signature: mailgunSignature(signingKey, unix(now)) }))).toThrow('event-data: is required');
  });
});
