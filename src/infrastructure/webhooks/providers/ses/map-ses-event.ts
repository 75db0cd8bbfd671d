// An SES event, as SNS delivers it (the Notification's `Message` is the event JSON), to
// EngagementReports. Both SES formats are read: event publishing (`eventType`, with `mail.tags`)
// and identity notifications (`notificationType`).
//   Delivery → delivered, one per `delivery.recipients`
//   Bounce → bounced, one per `bouncedRecipients`: bounceType Permanent → hard; Transient and
//     Undetermined → soft
//   Complaint → complained, one per `complainedRecipients`
//   Open → opened (Apple MPP user agent → machine open; SES has no flag) · Click → clicked (link)
//   Subscription with `newTopicPreferences.unsubscribeAll` → unsubscribed
//   Send, Reject, DeliveryDelay, Rendering Failure, topic-only preference changes → skipped
// Provider event id: the SNS MessageId, plus `:<index>` when the event names several recipients.
// `mail.messageId` is the provider message id; our ids come from `mail.tags` (arrays of strings).
// occurredAt: the event's own timestamp, else the SNS Timestamp.
import { MAX_PROVIDER_ID_LENGTH } from '../../../../domain/shared/input-limits.js';
import type { EngagementReport } from '../../../../application/engagement/engagement-report.js';
import { echoedIds, leadMetadata } from '../echoed-ids.js';
import { isoFromDateTime } from '../iso-time.js';
import type { MappedEvents } from '../mapped-events.js';
import { boundedText, isObject, optionalString, requireObject, requireString } from '../payload-reader.js';
import { WebhookPayloadError } from '../webhook-payload-error.js';
import { sesEventKind } from './ses-event-kind.js';
import type { SnsNotification } from './sns-message.js';

/** The Notification SES sends once when a topic is attached to a configuration set. */
const SETUP_MESSAGE = 'Successfully validated SNS topic for Amazon SES event publishing.';

export function mapSesNotification(notification: SnsNotification): MappedEvents {
  if (notification.Message.trim() === SETUP_MESSAGE) return { reports: [], skipped: [{ index: 0, event: 'setup', reason: 'SES topic validation message' }] };
  const event = requireObject(parseMessage(notification.Message), 'Message');
  const name = optionalString(event, 'eventType', 'Message') ?? requireString(event, 'notificationType', 'Message');
  const mail = requireObject(event.mail, 'Message.mail');
  const detailKey = name.charAt(0).toLowerCase() + name.slice(1);
  const detail = isObject(event[detailKey]) ? event[detailKey] : {};
  const kind = sesEventKind(name, detail, mail);
  if (kind === null) return { reports: [], skipped: [{ index: 0, event: name, reason: 'not an engagement event' }] };

  const messageId = boundedText(notification.MessageId, 'MessageId', MAX_PROVIDER_ID_LENGTH);
  const ids = echoedIds(mail.tags);
  const occurredAt = isoFromDateTime(detail.timestamp ?? notification.Timestamp, `Message.${detailKey}.timestamp`);
  const providerMessageId = requireString(mail, 'messageId', 'Message.mail', MAX_PROVIDER_ID_LENGTH);
  const reports = kind.recipients.map(
    (email, i): EngagementReport => ({
      source: 'ses',
      providerEventId: kind.recipients.length > 1 ? `${messageId}:${i}` : messageId,
      occurredAt,
      sequenceId: ids.sequenceId,
      step: ids.step,
      providerMessageId,
      email,
      url: null,
      ...kind.fields,
      metadata: { ses_event: name, ...kind.detail, ...leadMetadata(ids) },
    }),
  );
  return { reports, skipped: [] };
}

function parseMessage(message: string): unknown {
  try {
    return JSON.parse(message);
  } catch {
    throw new WebhookPayloadError('Message', 'is not an SES event (not JSON)');
  }
}
