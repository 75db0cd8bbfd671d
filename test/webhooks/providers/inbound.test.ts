import { messageIdsOf } from '../../../src/infrastructure/webhooks/providers/inbound/message-ids.js';
import { parseInboundReply } from '../../../src/infrastructure/webhooks/providers/inbound/parse-inbound-reply.js';
import { WebhookPayloadError } from '../../../src/infrastructure/webhooks/providers/webhook-payload-error.js';

const json = (body: unknown) => parseInboundReply(Buffer.from(JSON.stringify(body)), 'application/json');

describe('inbound reply matching input', () => {
  it('reads a JSON body with a headers object: In-Reply-To first, then References nearest-first, brackets stripped', () => {
    expect(
      json({
        from: '"Lead Person" <Lead@Example.com>',
        to: 'marketing@example.com',
        subject: 'Re: Hola',
        message_id: '<reply-1@mail.gmail.com>',
        headers: {
          'In-Reply-To': '<step-2@mg.example.com>',
          References: '<step-1@mg.example.com> <step-2@mg.example.com>',
          Date: 'Mon, 02 Mar 2026 10:15:00 +0100',
        },
      }),
    ).toEqual({
      candidateMessageIds: ['step-2@mg.example.com', 'step-1@mg.example.com'],
      from: 'Lead@Example.com',
      to: 'marketing@example.com',
      subject: 'Re: Hola',
      messageId: 'reply-1@mail.gmail.com',
      date: '2026-03-02T09:15:00.000Z',
    });
  });

  it('reads a raw MIME header block, unfolding continuation lines and ignoring the body', () => {
    const mime = [
      'Return-Path: <lead@example.com>',
      'From: Lead Person <lead@example.com>',
      'To: marketing@example.com',
      'Subject: Re: Hola',
      'Message-ID: <reply-2@mail.example.net>',
      'In-Reply-To: <step-3@email.amazonses.com>',
      'References: <step-1@email.amazonses.com>',
      '\t<step-2@email.amazonses.com>',
      ' <step-3@email.amazonses.com>',
      '',
      'In-Reply-To: <not-a-header@body>',
      'Thanks, interested!',
    ].join('\r\n');
    expect(parseInboundReply(Buffer.from(mime), 'message/rfc822')).toEqual({
      candidateMessageIds: ['step-3@email.amazonses.com', 'step-2@email.amazonses.com', 'step-1@email.amazonses.com'],
      from: 'lead@example.com',
      to: 'marketing@example.com',
      subject: 'Re: Hola',
      messageId: 'reply-2@mail.example.net',
      date: null,
    });
  });

  it('accepts headers as [{name, value}] (Postmark inbound style), [name, value] pairs, or a raw block inside JSON', () => {
    const expected = ['a@x', 'b@x'];
    expect(json({ From: 'l@example.com', headers: [{ Name: 'In-Reply-To', Value: '<a@x>' }, { Name: 'References', Value: '<b@x> <a@x>' }] }).candidateMessageIds).toEqual(expected);
    expect(json({ from: 'l@example.com', headers: [['in-reply-to', '<a@x>'], ['references', '<b@x>']] }).candidateMessageIds).toEqual(expected);
    expect(json({ from: 'l@example.com', headers: 'In-Reply-To: <a@x>\nReferences: <b@x>\n' }).candidateMessageIds).toEqual(expected);
  });

  it('falls back to top-level in_reply_to / references, and detects JSON without a content type', () => {
    const reply = parseInboundReply(Buffer.from(JSON.stringify({ from: 'l@example.com', in_reply_to: 'a@x', references: 'c@x b@x' })));
    expect(reply.candidateMessageIds).toEqual(['a@x', 'b@x', 'c@x']);
    expect(reply.from).toBe('l@example.com');
  });

  it('returns no candidates (match by sender) when the reply has no threading headers', () => {
    expect(json({ from: 'Lead <lead@example.com>', subject: 'hello' })).toMatchObject({ candidateMessageIds: [], from: 'lead@example.com' });
  });

  it('normalises message id lists: comments, commas, repeated ids, ids without brackets', () => {
    expect(messageIdsOf('<a@x> (first) ,<b@x>\r\n <a@x>')).toEqual(['a@x', 'b@x', 'a@x']);
    expect(messageIdsOf('a@x b@x')).toEqual(['a@x', 'b@x']);
    expect(messageIdsOf('')).toEqual([]);
    expect(json({ from: 'l@example.com', headers: { 'in-reply-to': '<a@x>', references: '<a@x> <b@x> <a@x>' } }).candidateMessageIds).toEqual(['a@x', 'b@x']);
  });

  it('names the unreadable field', () => {
    expect(() => json([1, 2])).toThrow(new WebhookPayloadError('body', 'must be a JSON object'));
    expect(() => json({ headers: [{ name: 'In-Reply-To' }] })).toThrow('headers[0]: must be {name, value} or [name, value]');
    expect(() => json({ headers: 42 })).toThrow('headers: must be an object, an array of {name, value}, or a raw header block');
    expect(() => parseInboundReply(Buffer.from('{"from": '), 'application/json')).toThrow('body: is not valid JSON');
  });
});
