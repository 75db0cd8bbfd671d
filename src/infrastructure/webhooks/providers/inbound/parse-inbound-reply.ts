// A reply to one of our emails, as an inbound-mail service posts it, reduced to what matching
// needs. No provider reports replies, so replies are matched by threading headers: `In-Reply-To`
// names the message replied to, `References` the thread, oldest first. Candidates are returned in
// the order to try them: In-Reply-To, then References from the nearest ancestor back, de-duplicated
// and without angle brackets. The caller matches them against the provider message ids our sends
// recorded and reports `replied` with the matched id.
//
// Accepted bodies:
//   JSON `{from, to, subject, message_id, headers}` where `headers` is an object (name → value or
//   values), an array of `{name, value}` / `{Name, Value}` / `[name, value]`, or a raw header
//   block; top-level `in_reply_to` / `references` are read too (header values win);
//   or the raw MIME message (its header block is read, the body ignored).
import { parseJsonBody } from '../json-body.js';
import { MAX_EMAIL_LENGTH, MAX_PROVIDER_ID_LENGTH } from '../../../../domain/shared/input-limits.js';
import { type JsonObject, boundedText, isObject } from '../payload-reader.js';
import { WebhookPayloadError } from '../webhook-payload-error.js';
import { type HeaderMap, addHeader, firstHeader, parseHeaderBlock } from './mime-headers.js';
import { addressOf, messageIdsOf } from './message-ids.js';

export interface InboundReply {
  /** Message ids to match, most specific first. */
  candidateMessageIds: string[];
  /** The sender's address. */
  from: string | null;
  to: string | null;
  subject: string | null;
  /** The reply's own Message-ID (a stable id for the reply event), without brackets. */
  messageId: string | null;
  /** The Date header, ISO-8601, when present and readable. */
  date: string | null;
}

export function parseInboundReply(rawBody: Buffer, contentType?: string): InboundReply {
  const looksJson = contentType ? /json/i.test(contentType) : rawBody.toString('utf8').trimStart().startsWith('{');
  return inboundReplyOf(looksJson ? headersOfJson(parseJsonBody(rawBody)) : parseHeaderBlock(rawBody.toString('utf8')));
}

/** Candidates tried, nearest first: a thread longer than this is matched by its latest messages. */
export const MAX_CANDIDATE_MESSAGE_IDS = 100;

export function inboundReplyOf(headers: HeaderMap): InboundReply {
  const inReplyTo = messageIdsOf(firstHeader(headers, 'in-reply-to'));
  const references = (headers.get('references') ?? []).flatMap(messageIdsOf).reverse();
  const date = firstHeader(headers, 'date');
  const dateMs = date ? Date.parse(date) : Number.NaN;
  const from = addressOf(firstHeader(headers, 'from'));
  const messageId = messageIdsOf(firstHeader(headers, 'message-id'))[0] ?? null;
  // An id longer than any we record cannot name one of our emails: it is not a candidate.
  const candidates = [...new Set([...inReplyTo, ...references])].filter((id) => id.length <= MAX_PROVIDER_ID_LENGTH);
  return {
    candidateMessageIds: candidates.slice(0, MAX_CANDIDATE_MESSAGE_IDS),
    from: from === null ? null : boundedText(from, 'from', MAX_EMAIL_LENGTH),
    to: firstHeader(headers, 'to'),
    subject: firstHeader(headers, 'subject'),
    messageId: messageId === null ? null : boundedText(messageId, 'message-id', MAX_PROVIDER_ID_LENGTH),
    date: Number.isNaN(dateMs) ? null : new Date(dateMs).toISOString(),
  };
}

const TOP_LEVEL: Record<string, string> = {
  from: 'from',
  to: 'to',
  subject: 'subject',
  message_id: 'message-id',
  messageid: 'message-id',
  'message-id': 'message-id',
  in_reply_to: 'in-reply-to',
  'in-reply-to': 'in-reply-to',
  references: 'references',
  date: 'date',
};

function headersOfJson(body: unknown): HeaderMap {
  if (!isObject(body)) throw new WebhookPayloadError('body', 'must be a JSON object');
  const headers = headersField(body.headers ?? body.Headers);
  for (const [key, value] of Object.entries(body)) {
    const name = TOP_LEVEL[key.toLowerCase()];
    if (name && !headers.has(name) && typeof value === 'string' && value.trim() !== '') addHeader(headers, name, value);
  }
  return headers;
}

function headersField(value: unknown): HeaderMap {
  if (value === undefined || value === null) return new Map();
  if (typeof value === 'string') return parseHeaderBlock(value);
  const headers: HeaderMap = new Map();
  if (isObject(value)) {
    for (const [name, v] of Object.entries(value)) for (const item of [v].flat()) if (typeof item === 'string') addHeader(headers, name, item);
    return headers;
  }
  if (Array.isArray(value)) {
    value.forEach((entry, i) => {
      const [name, v] = Array.isArray(entry) ? entry : isObject(entry) ? [pickKey(entry, 'name'), pickKey(entry, 'value')] : [];
      if (typeof name !== 'string' || typeof v !== 'string') throw new WebhookPayloadError(`headers[${i}]`, 'must be {name, value} or [name, value]');
      addHeader(headers, name, v);
    });
    return headers;
  }
  throw new WebhookPayloadError('headers', 'must be an object, an array of {name, value}, or a raw header block');
}

const pickKey = (entry: JsonObject, key: string): unknown => entry[key] ?? entry[key.charAt(0).toUpperCase() + key.slice(1)];
