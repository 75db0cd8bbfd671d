import type { EngagementReport } from '../../../src/application/engagement/engagement-report.js';
import { mapSpecEngagementWebhook } from '../../../src/infrastructure/webhooks/providers/standard-webhooks/map-spec-engagement.js';
import { verifyStandardWebhook } from '../../../src/infrastructure/webhooks/providers/standard-webhooks/verify-standard-webhook.js';
import { WebhookAuthError } from '../../../src/infrastructure/webhooks/providers/webhook-auth-error.js';
import { WebhookPayloadError } from '../../../src/infrastructure/webhooks/providers/webhook-payload-error.js';
import { newWebhookSecret, standardWebhookHeaders, unix } from './support/signing.js';

const now = new Date('2026-03-02T10:00:00Z');
const secret = newWebhookSecret();
const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';

/** Verifies like the endpoint will, then maps. */
function receive(body: string, headers: Record<string, string>, options: { secret?: string | string[]; at?: Date } = {}): EngagementReport[] {
  const rawBody = Buffer.from(body);
  const delivery = verifyStandardWebhook({ rawBody, headers, secret: options.secret ?? secret, now: options.at ?? now });
  return mapSpecEngagementWebhook(rawBody, delivery);
}

const signed = (body: string, at = now, key = secret) => standardWebhookHeaders(key, id, unix(at), body);

const authError = (fn: () => unknown): WebhookAuthError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookAuthError);
    return error as WebhookAuthError;
  }
  throw new Error('expected a WebhookAuthError');
};

const payloadError = (body: unknown): WebhookPayloadError => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  try {
    receive(text, signed(text));
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookPayloadError);
    return error as WebhookPayloadError;
  }
  throw new Error('expected a WebhookPayloadError');
};

describe('Standard Webhooks signature', () => {
  // The specification's own example, metadata as a JSON string.
  const specExample = JSON.stringify({
    email: 'lead@example.com',
    event_type: 'opened',
    timestamp: '2025-01-15T10:30:00Z',
    sequence_id: 123,
    metadata: '{"campaign_id": "abc123", "user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"}',
  });

  it('accepts a valid signature and maps the specification example exactly', () => {
    expect(receive(specExample, signed(specExample))).toEqual([
      {
        source: 'webhook',
        providerEventId: id,
        type: 'opened',
        occurredAt: '2025-01-15T10:30:00.000Z',
        sequenceId: 123,
        step: null,
        providerMessageId: null,
        email: 'lead@example.com',
        url: null,
        machineOpen: false,
        metadata: { campaign_id: 'abc123', user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)' },
      },
    ]);
  });

  it('returns the delivery id and signing time', () => {
    expect(verifyStandardWebhook({ rawBody: Buffer.from(specExample), headers: signed(specExample), secret, now })).toEqual({ id, timestamp: now });
  });

  it('rejects a tampered body', () => {
    const headers = signed(specExample);
    const error = authError(() => receive(specExample.replace('opened', 'clicked'), headers));
    expect(error.reason).toBe('signature mismatch');
    expect(error.message).not.toContain(secret);
  });

  it('rejects a signature made with another key', () => {
    expect(authError(() => receive(specExample, signed(specExample, now, newWebhookSecret()))).reason).toBe('signature mismatch');
  });

  it('rejects a stale timestamp and one too far in the future, accepts one inside 5 minutes', () => {
    const old = new Date(now.getTime() - 301_000);
    expect(authError(() => receive(specExample, signed(specExample, old))).reason).toBe('webhook-timestamp is older than 5 minutes');
    const ahead = new Date(now.getTime() + 301_000);
    expect(authError(() => receive(specExample, signed(specExample, ahead))).reason).toBe('webhook-timestamp is more than 5 minutes in the future');
    expect(receive(specExample, signed(specExample, new Date(now.getTime() - 299_000)))).toHaveLength(1);
    expect(receive(specExample, signed(specExample, new Date(now.getTime() + 299_000)))).toHaveLength(1);
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('rejects a request without %s', (header) => {
    const headers = signed(specExample);
    delete headers[header];
    expect(authError(() => receive(specExample, headers)).reason).toBe(`missing header ${header}`);
  });

  it('rejects a non-numeric timestamp and a header without any v1 signature', () => {
    expect(authError(() => receive(specExample, { ...signed(specExample), 'webhook-timestamp': '2026-03-02T10:00:00Z' })).reason).toBe('webhook-timestamp is not a Unix timestamp');
    expect(authError(() => receive(specExample, { ...signed(specExample), 'webhook-signature': 'v1a,abcdef' })).reason).toBe('no v1 signature in webhook-signature');
  });

  it('accepts any matching entry among several signatures, and any of several secrets (rotation)', () => {
    const headers = signed(specExample);
    const valid = headers['webhook-signature']!;
    expect(receive(specExample, { ...headers, 'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')} v1a,xyz ${valid}` })).toHaveLength(1);
    expect(receive(specExample, headers, { secret: [newWebhookSecret(), secret] })).toHaveLength(1);
  });

  it('refuses a malformed configured secret as a configuration error, not a 401', () => {
    expect(() => receive(specExample, signed(specExample), { secret: 'whsec_not base64!' })).toThrow('webhook secret must be "whsec_" followed by base64');
  });
});

describe('the specification payload', () => {
  it('maps every event type, an array with per-index ids, and an item event_id', () => {
    const body = JSON.stringify([
      { email: 'a@example.com', event_type: 'delivered', timestamp: '2025-01-15T10:00:00Z', sequence_id: 7, metadata: { step_number: 1, lead_ext_id: 'lead_1' } },
      { email: 'a@example.com', event_type: 'clicked', timestamp: '2025-01-15T10:05:00+01:00', sequence_id: '7', step_number: 2, url: 'https://example.com/pricing' },
      { email: 'a@example.com', event_type: 'replied', timestamp: 1736935500, sequence_id: 7, event_id: 'crm-reply-99' },
      { email: 'a@example.com', event_type: 'bounced', timestamp: '2025-01-15T10:10:00Z', sequence_id: 7 },
      { email: 'a@example.com', event_type: 'bounced', timestamp: '2025-01-15T10:11:00Z', metadata: '{"bounce_type": "soft", "message_id": "<m-1@mail.example.com>"}' },
    ]);
    const base = { source: 'webhook', email: 'a@example.com', providerMessageId: null, url: null };
    expect(receive(body, signed(body))).toEqual([
      { ...base, providerEventId: `${id}:0`, type: 'delivered', occurredAt: '2025-01-15T10:00:00.000Z', sequenceId: 7, step: 1, metadata: { step_number: 1, lead_ext_id: 'lead_1' } },
      { ...base, providerEventId: `${id}:1`, type: 'clicked', occurredAt: '2025-01-15T09:05:00.000Z', sequenceId: 7, step: 2, url: 'https://example.com/pricing', metadata: {} },
      { ...base, providerEventId: 'crm-reply-99', type: 'replied', occurredAt: '2025-01-15T10:05:00.000Z', sequenceId: 7, step: null, metadata: {} },
      { ...base, providerEventId: `${id}:3`, type: 'bounced', bounceKind: 'hard', occurredAt: '2025-01-15T10:10:00.000Z', sequenceId: 7, step: null, metadata: {} },
      {
        ...base,
        providerEventId: `${id}:4`,
        type: 'bounced',
        bounceKind: 'soft',
        occurredAt: '2025-01-15T10:11:00.000Z',
        sequenceId: null,
        step: null,
        providerMessageId: 'm-1@mail.example.com',
        metadata: { bounce_type: 'soft', message_id: '<m-1@mail.example.com>' },
      },
    ]);
  });

  it('flags machine opens (metadata.machine_open, or the Apple privacy proxy user agent)', () => {
    const body = JSON.stringify([
      { email: 'a@example.com', event_type: 'opened', timestamp: '2025-01-15T10:00:00Z', metadata: { machine_open: true } },
      { email: 'a@example.com', event_type: 'opened', timestamp: '2025-01-15T10:00:00Z', metadata: '{"user_agent": "Mozilla/5.0"}' },
      { email: 'a@example.com', event_type: 'opened', timestamp: '2025-01-15T10:00:00Z', metadata: { user_agent: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)' } },
    ]);
    expect(receive(body, signed(body)).map((r) => r.machineOpen)).toEqual([true, true, false]);
  });

  it('accepts the Airflow form {conf: {...}} and uses the signing time when the event has no timestamp', () => {
    const body = JSON.stringify({ conf: { email: 'lead@example.com', event_type: 'replied' } });
    expect(receive(body, signed(body))).toEqual([
      { source: 'webhook', providerEventId: id, type: 'replied', occurredAt: now.toISOString(), sequenceId: null, step: null, providerMessageId: null, email: 'lead@example.com', url: null, metadata: {} },
    ]);
  });

  it('names the field and the index of every validation error', () => {
    const ok = { email: 'a@example.com', event_type: 'opened', timestamp: '2025-01-15T10:00:00Z' };
    const cases: [unknown, string, string][] = [
      [[ok, ok, { ...ok, event_type: 'viewed' }], '[2].event_type', '[2].event_type: must be one of opened, clicked, replied, bounced, delivered'],
      [{ ...ok, event_type: undefined }, 'event_type', 'event_type: is required'],
      [{ ...ok, metadata: '{not json' }, 'metadata', 'metadata: must be a JSON object, or a string holding one'],
      [{ ...ok, metadata: '[1, 2]' }, 'metadata', 'metadata: must be a JSON object, or a string holding one'],
      [[ok, { ...ok, sequence_id: 'abc' }], '[1].sequence_id', '[1].sequence_id: must be a positive integer'],
      [{ ...ok, metadata: { step_number: 0 } }, 'metadata.step_number', 'metadata.step_number: must be a positive integer'],
      [{ event_type: 'opened' }, 'email', 'email: is required when sequence_id is absent'],
      [{ ...ok, email: 'not-an-email' }, 'email', 'email: must be an email address'],
      [{ ...ok, timestamp: '2025-01-15T10:30:00' }, 'timestamp', 'timestamp: must be an ISO-8601 date-time with a time zone (e.g. 2025-01-15T10:30:00Z)'],
      [{ ...ok, event_type: 'bounced', bounce_type: 'squishy' }, 'bounce_type', 'bounce_type: must be one of hard, soft, permanent, transient'],
      [[ok, 42], '[1]', '[1]: must be a JSON object'],
      [[], 'body', 'body: must hold at least one event'],
      ['[{"email": ', 'body', 'body: is not valid JSON'],
      [{ conf: [ok, { ...ok, event_type: 3 }] }, 'conf[1].event_type', 'conf[1].event_type: must be one of opened, clicked, replied, bounced, delivered'],
    ];
    for (const [body, field, message] of cases) {
      const error = payloadError(body);
      expect({ field: error.field, message: error.message }).toEqual({ field, message });
    }
  });

  it('refuses more than 1000 events in one request', () => {
    const item = { email: 'a@example.com', event_type: 'opened' };
    expect(payloadError(Array.from({ length: 1001 }, () => item)).message).toBe('body: holds 1001 events; at most 1000 are accepted per request');
  });
});
