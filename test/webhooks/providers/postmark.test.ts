import { mapPostmarkEvent } from '../../../src/infrastructure/webhooks/providers/postmark/map-postmark-event.js';
import { verifyPostmarkBasicAuth } from '../../../src/infrastructure/webhooks/providers/postmark/verify-postmark-basic-auth.js';
import { authReason } from './support/auth-reason.js';

const credentials = 'postmark-hooks:s3cr3t-p4ss';
const basic = (userPass: string) => ({ authorization: `Basic ${Buffer.from(userPass).toString('base64')}`, 'content-type': 'application/json' });

function receive(event: object, headers: Record<string, string> = basic(credentials)) {
  verifyPostmarkBasicAuth({ headers, credentials });
  return mapPostmarkEvent(Buffer.from(JSON.stringify(event)));
}

const MESSAGE_ID = '883953f4-6105-42a2-a16a-77a8eac79483';
const Metadata = { sequence_id: '123', step_number: '2', lead_ext_id: 'lead_123' };

// Payloads as Postmark's webhook documentation shows them.
const delivery = { RecordType: 'Delivery', ServerID: 23, MessageStream: 'outbound', MessageID: MESSAGE_ID, Recipient: 'lead@example.com', Tag: 'nurture', DeliveredAt: '2026-03-02T09:50:00.1234567Z', Details: 'Test delivery webhook details', Metadata };
const bounce = (Type: string, extra: object = {}) => ({
  RecordType: 'Bounce',
  ID: 4323372036,
  Type,
  TypeCode: 1,
  Name: 'Hard bounce',
  Tag: 'nurture',
  MessageID: MESSAGE_ID,
  ServerID: 23,
  MessageStream: 'outbound',
  Description: 'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
  Details: 'Test bounce details',
  Email: 'lead@example.com',
  From: 'marketing@example.com',
  BouncedAt: '2026-03-02T09:51:00Z',
  DumpAvailable: true,
  Inactive: false,
  CanActivate: true,
  Subject: 'Hola',
  Metadata,
  ...extra,
});
const open = (UserAgent: string, ReceivedAt = '2026-03-02T09:52:00.5555555Z') => ({
  RecordType: 'Open',
  MessageStream: 'outbound',
  Metadata,
  FirstOpen: true,
  Client: { Name: 'Chrome 120', Company: 'Google', Family: 'Chrome' },
  OS: { Name: 'OS X', Company: 'Apple Computer, Inc.', Family: 'OS X 10' },
  Platform: 'WebMail',
  UserAgent,
  ReadSeconds: 5,
  Geo: { CountryISOCode: 'ES', Country: 'Spain' },
  MessageID: MESSAGE_ID,
  ReceivedAt,
  Tag: 'nurture',
  Recipient: 'lead@example.com',
});
const click = { RecordType: 'Click', MessageStream: 'outbound', Metadata, Recipient: 'lead@example.com', MessageID: MESSAGE_ID, ReceivedAt: '2026-03-02T09:53:00Z', Platform: 'Desktop', ClickLocation: 'HTML', OriginalLink: 'https://example.com/pricing', Tag: 'nurture', UserAgent: 'Mozilla/5.0 (Windows NT 10.0)' };
const spam = { ...bounce('SpamComplaint', { RecordType: 'SpamComplaint', ID: 4323372037, TypeCode: 512, Name: 'Spam complaint', Inactive: true, BouncedAt: '2026-03-02T09:54:00Z' }) };
const subscription = (SuppressSending: boolean, SuppressionReason: string | null) => ({
  RecordType: 'SubscriptionChange',
  MessageID: MESSAGE_ID,
  ServerID: 23,
  MessageStream: 'outbound',
  ChangedAt: '2026-03-02T09:55:00Z',
  Recipient: 'lead@example.com',
  Origin: 'Recipient',
  SuppressSending,
  SuppressionReason,
  Tag: 'nurture',
  Metadata,
});

const common = { source: 'postmark', sequenceId: 123, step: 2, providerMessageId: MESSAGE_ID, email: 'lead@example.com', url: null };

describe('Postmark basic auth', () => {
  it('accepts the configured credentials and maps the event exactly', () => {
    expect(receive(delivery)).toEqual({
      reports: [
        {
          ...common,
          providerEventId: `Delivery:${MESSAGE_ID}:lead@example.com:2026-03-02T09:50:00.1234567Z`,
          type: 'delivered',
          occurredAt: '2026-03-02T09:50:00.123Z',
          metadata: { postmark_record_type: 'Delivery', Tag: 'nurture', MessageStream: 'outbound', lead_ext_id: 'lead_123' },
        },
      ],
      skipped: [],
    });
  });

  it('rejects a wrong password or user', () => {
    expect(authReason(() => receive(delivery, basic('postmark-hooks:wrong')))).toBe('credentials mismatch');
    expect(authReason(() => receive(delivery, basic('someone:s3cr3t-p4ss')))).toBe('credentials mismatch');
  });

  it('rejects a request without credentials, or with another scheme', () => {
    expect(authReason(() => receive(delivery, {}))).toBe('missing header authorization');
    expect(authReason(() => receive(delivery, { authorization: `Bearer ${credentials}` }))).toBe('authorization is not Basic');
  });

  it('has no signature or timestamp: the body is not covered (TLS protects it), and a replay carries the same derived event id', () => {
    const first = receive(open('Mozilla/5.0 (Macintosh)')).reports[0]!;
    const replay = receive(open('Mozilla/5.0 (Macintosh)')).reports[0]!;
    expect(replay.providerEventId).toBe(first.providerEventId);
    expect(receive(open('Mozilla/5.0 (Macintosh)', '2026-03-02T11:00:00Z')).reports[0]!.providerEventId).not.toBe(first.providerEventId);
  });

  it('refuses a configuration without user:pass', () => {
    expect(() => verifyPostmarkBasicAuth({ headers: basic(credentials), credentials: 'just-a-password' })).toThrow('Postmark basic auth must be configured as "user:pass"');
  });
});

describe('Postmark event mapping', () => {
  const bounceReport = (id: number, bounceKind: 'hard' | 'soft', type: string, occurredAt = '2026-03-02T09:51:00.000Z') => ({
    ...common,
    providerEventId: `Bounce:${id}`,
    type: 'bounced',
    bounceKind,
    occurredAt,
    metadata: { postmark_record_type: 'Bounce', Type: type, Tag: 'nurture', MessageStream: 'outbound', lead_ext_id: 'lead_123' },
  });

  it('maps bounces by Type: hard, soft/transient, and soft types Postmark deactivated as hard', () => {
    expect(receive(bounce('HardBounce')).reports).toEqual([bounceReport(4323372036, 'hard', 'HardBounce')]);
    expect(receive(bounce('SoftBounce')).reports).toEqual([bounceReport(4323372036, 'soft', 'SoftBounce')]);
    expect(receive(bounce('Transient')).reports).toEqual([bounceReport(4323372036, 'soft', 'Transient')]);
    expect(receive(bounce('DnsError', { Inactive: true })).reports).toEqual([bounceReport(4323372036, 'hard', 'DnsError')]);
  });

  it('skips bounce types that are not bounces', () => {
    expect(receive(bounce('AutoResponder'))).toEqual({ reports: [], skipped: [{ index: 0, event: 'Bounce', reason: 'bounce type AutoResponder is not a bounce' }] });
  });

  it('maps opens, flagging the Apple privacy proxy as a machine open', () => {
    const human = receive(open('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15')).reports;
    const proxy = receive(open('Mozilla/5.0')).reports;
    const expected = (machineOpen: boolean, UserAgent: string) => [
      {
        ...common,
        providerEventId: `Open:${MESSAGE_ID}:lead@example.com:2026-03-02T09:52:00.5555555Z`,
        type: 'opened',
        machineOpen,
        occurredAt: '2026-03-02T09:52:00.555Z',
        metadata: { postmark_record_type: 'Open', Tag: 'nurture', MessageStream: 'outbound', Platform: 'WebMail', UserAgent, FirstOpen: true, Client: 'Chrome 120', lead_ext_id: 'lead_123' },
      },
    ];
    expect(human).toEqual(expected(false, 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15'));
    expect(proxy).toEqual(expected(true, 'Mozilla/5.0'));
  });

  it('maps clicks with the original link', () => {
    expect(receive(click).reports).toEqual([
      {
        ...common,
        providerEventId: `Click:${MESSAGE_ID}:lead@example.com:2026-03-02T09:53:00Z`,
        type: 'clicked',
        url: 'https://example.com/pricing',
        occurredAt: '2026-03-02T09:53:00.000Z',
        metadata: { postmark_record_type: 'Click', Tag: 'nurture', MessageStream: 'outbound', Platform: 'Desktop', UserAgent: 'Mozilla/5.0 (Windows NT 10.0)', lead_ext_id: 'lead_123' },
      },
    ]);
  });

  it('maps spam complaints', () => {
    expect(receive(spam).reports).toEqual([
      {
        ...common,
        providerEventId: 'SpamComplaint:4323372037',
        type: 'complained',
        occurredAt: '2026-03-02T09:54:00.000Z',
        metadata: { postmark_record_type: 'SpamComplaint', Type: 'SpamComplaint', Tag: 'nurture', MessageStream: 'outbound', lead_ext_id: 'lead_123' },
      },
    ]);
  });

  it('maps a suppression by the recipient to unsubscribed; skips resubscriptions and suppressions its own webhook reports', () => {
    expect(receive(subscription(true, 'ManualSuppression')).reports).toEqual([
      {
        ...common,
        providerEventId: `SubscriptionChange:${MESSAGE_ID}:lead@example.com:2026-03-02T09:55:00Z`,
        type: 'unsubscribed',
        occurredAt: '2026-03-02T09:55:00.000Z',
        metadata: { postmark_record_type: 'SubscriptionChange', Tag: 'nurture', MessageStream: 'outbound', Origin: 'Recipient', SuppressionReason: 'ManualSuppression', lead_ext_id: 'lead_123' },
      },
    ]);
    expect(receive(subscription(true, 'HardBounce')).skipped).toEqual([{ index: 0, event: 'SubscriptionChange', reason: 'suppressed for HardBounce, reported by its own webhook' }]);
    expect(receive(subscription(false, null)).skipped).toEqual([{ index: 0, event: 'SubscriptionChange', reason: 'resubscribed' }]);
  });

  it('derives a bounce id without ID, or with an ID JSON cannot hold exactly', () => {
    const raw = JSON.stringify(bounce('HardBounce')).replace('"ID":4323372036', '"ID":4323372036854775807');
    expect(mapPostmarkEvent(Buffer.from(raw)).reports[0]!.providerEventId).toBe(`Bounce:${MESSAGE_ID}:lead@example.com:2026-03-02T09:51:00Z`);
  });

  it('names the missing field', () => {
    expect(() => receive({ ...delivery, RecordType: undefined })).toThrow('RecordType: is required');
    expect(() => receive({ ...delivery, DeliveredAt: undefined })).toThrow('DeliveredAt|BouncedAt|ReceivedAt|ChangedAt: is required');
  });
});
