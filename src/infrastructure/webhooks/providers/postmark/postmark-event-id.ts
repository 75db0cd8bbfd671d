// Postmark gives an event id only to bounces and spam complaints (`ID`). For every event we derive
// one that is the same each time Postmark posts the event and differs between events:
//   Bounce / SpamComplaint: `<RecordType>:<ID>` (when ID is an exact integer; IDs beyond 2^53 would
//     be rounded by JSON.parse, so those fall back to the form below)
//   others: `<RecordType>:<MessageID>:<recipient>:<event time as sent>`, the event time being
//     DeliveredAt, BouncedAt, ReceivedAt (opens, clicks; 7 fractional digits) or ChangedAt. Several
//     opens of one message (PostFirstOpenOnly off) differ by ReceivedAt.
import { MAX_EMAIL_LENGTH } from '../../../../domain/shared/input-limits.js';
import { type JsonObject, optionalIdString, optionalString, requireString } from '../payload-reader.js';
import { WebhookPayloadError } from '../webhook-payload-error.js';

/** An event time as Postmark writes it (ISO-8601 with up to 7 fractional digits and an offset). */
const MAX_INSTANT_TEXT_LENGTH = 64;

export const EVENT_TIME_FIELDS = ['DeliveredAt', 'BouncedAt', 'ReceivedAt', 'ChangedAt'] as const;

export function postmarkEventTime(event: JsonObject): { field: string; value: string } {
  for (const field of EVENT_TIME_FIELDS) {
    const value = optionalString(event, field, '', MAX_INSTANT_TEXT_LENGTH);
    if (value !== null) return { field, value };
  }
  throw new WebhookPayloadError(EVENT_TIME_FIELDS.join('|'), 'is required');
}

export function postmarkEventId(event: JsonObject): string {
  const recordType = requireString(event, 'RecordType', '');
  if ((recordType === 'Bounce' || recordType === 'SpamComplaint') && Number.isSafeInteger(event.ID)) return `${recordType}:${event.ID}`;
  const messageId = optionalIdString(event, 'MessageID', '') ?? '';
  const recipient = (optionalString(event, 'Recipient', '', MAX_EMAIL_LENGTH) ?? optionalString(event, 'Email', '', MAX_EMAIL_LENGTH) ?? '').toLowerCase();
  return `${recordType}:${messageId}:${recipient}:${postmarkEventTime(event).value}`;
}
