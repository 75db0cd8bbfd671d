import { mapResendEvent } from '../../../src/infrastructure/webhooks/providers/resend/map-resend-event.js';
import { verifyResendSignature } from '../../../src/infrastructure/webhooks/providers/resend/verify-resend-signature.js';
import { newWebhookSecret, standardWebhookHeaders, unix } from './support/signing.js';
import { authReason } from './support/auth-reason.js';

const now = new Date('2026-03-02T10:00:00Z');
const secret = newWebhookSecret();
const svixId = 'msg_2cT6xZq3Kb0yOVbUdiXrlGNSbo9';
const EMAIL_ID = '56761188-7520-42d8-8898-ff6fc54ce618';

// Payloads as Resend documents them (https://resend.com/docs/dashboard/webhooks/event-types).
const event = (type: string, extra: object = {}) => ({
  type,
  created_at: '2026-03-02T09:50:00.126Z',
  data: {
    created_at: '2026-03-02T09:40:11.894719+00:00',
    email_id: EMAIL_ID,
    from: 'Acme <marketing@example.com>',
    to: ['Lead Person <lead@example.com>'],
    subject: 'Hola',
    tags: [
      { name: 'sequence_id', value: '123' },
      { name: 'step_number', value: '2' },
      { name: 'lead_ext_id', value: 'lead_123' },
    ],
    ...extra,
  },
});

function receive(body: string, headers: Record<string, string>, key: string | string[] = secret) {
  const delivery = verifyResendSignature({ rawBody: Buffer.from(body), headers, secret: key, now });
  return mapResendEvent(Buffer.from(body), delivery);
}

const signed = (body: string, at = now, key = secret) => standardWebhookHeaders(key, svixId, unix(at), body, 'svix');
const post = (payload: object) => {
  const body = JSON.stringify(payload);
  return receive(body, signed(body));
};

const report = (type: string, fields: object = {}, metadata: object = {}) => ({
  source: 'resend',
  providerEventId: svixId,
  type,
  occurredAt: '2026-03-02T09:50:00.126Z',
  sequenceId: 123,
  step: 2,
  providerMessageId: EMAIL_ID,
  email: 'lead@example.com',
  url: null,
  ...fields,
  metadata: { resend_event: `email.${type}`, lead_ext_id: 'lead_123', ...metadata },
});

describe('Resend (Svix) signature', () => {
  const body = JSON.stringify(event('email.delivered'));

  it('accepts a valid signature and maps the event exactly', () => {
    expect(receive(body, signed(body))).toEqual({ reports: [report('delivered')], skipped: [] });
  });

  it('rejects a tampered body', () => {
    expect(authReason(() => receive(body.replace('lead@example.com', 'x@example.com'), signed(body)))).toBe('signature mismatch');
  });

  it('rejects a signature made with another secret', () => {
    expect(authReason(() => receive(body, signed(body, now, newWebhookSecret())))).toBe('signature mismatch');
  });

  it('rejects a stale timestamp and one too far in the future', () => {
    expect(authReason(() => receive(body, signed(body, new Date(now.getTime() - 301_000))))).toBe('svix-timestamp is older than 5 minutes');
    expect(authReason(() => receive(body, signed(body, new Date(now.getTime() + 301_000))))).toBe('svix-timestamp is more than 5 minutes in the future');
  });

  it.each(['svix-id', 'svix-timestamp', 'svix-signature'])('rejects a request without %s', (header) => {
    const headers = signed(body);
    delete headers[header];
    expect(authReason(() => receive(body, headers))).toBe(`missing header ${header}`);
  });

  it('does not accept Standard Webhooks header names in place of Svix ones', () => {
    expect(authReason(() => receive(body, standardWebhookHeaders(secret, svixId, unix(now), body, 'webhook')))).toBe('missing header svix-id');
  });
});

describe('Resend event mapping', () => {
  it('maps opens, clicks, bounces and complaints', () => {
    expect(post(event('email.opened')).reports).toEqual([report('opened', { machineOpen: false })]);
    expect(post(event('email.clicked', { click: { ipAddress: '203.0.113.9', link: 'https://example.com/pricing', timestamp: '2026-03-02T09:50:00.000Z', userAgent: 'Mozilla/5.0 (iPhone)' } })).reports).toEqual([
      report('clicked', { url: 'https://example.com/pricing' }, { user_agent: 'Mozilla/5.0 (iPhone)' }),
    ]);
    expect(post(event('email.bounced', { bounce: { message: "The recipient's email provider sent a hard bounce message.", subType: 'General', type: 'Permanent' } })).reports).toEqual([
      report('bounced', { bounceKind: 'hard' }, { bounce_type: 'Permanent', bounce_sub_type: 'General' }),
    ]);
    expect(post(event('email.bounced', { bounce: { message: 'Mailbox full.', subType: 'MailboxFull', type: 'Transient' } })).reports).toEqual([
      report('bounced', { bounceKind: 'soft' }, { bounce_type: 'Transient', bounce_sub_type: 'MailboxFull' }),
    ]);
    expect(post(event('email.complained')).reports).toEqual([report('complained')]);
  });

  it('flags an open fetched by the Apple privacy proxy as a machine open', () => {
    expect(post(event('email.opened', { open: { userAgent: 'Mozilla/5.0' } })).reports[0]!.machineOpen).toBe(true);
  });

  it('reads tags given as an object too', () => {
    expect(post(event('email.delivered', { tags: { sequence_id: '77', step_number: '1' } })).reports[0]).toMatchObject({ sequenceId: 77, step: 1 });
  });

  it('skips events that carry no engagement', () => {
    expect(post(event('email.sent'))).toEqual({ reports: [], skipped: [{ index: 0, event: 'email.sent', reason: 'not an engagement event' }] });
    expect(post(event('email.delivery_delayed')).skipped).toHaveLength(1);
  });

  it('names the missing field', () => {
    expect(() => post({ ...event('email.opened'), data: { to: ['a@example.com'] } })).toThrow('data.email_id: is required');
    expect(() => post({ created_at: '2026-03-02T09:50:00Z', data: {} })).toThrow('type: is required');
  });
});
