// A Postmark webhook (one event per request, `RecordType` says which) to EngagementReports.
//   Delivery → delivered · Open → opened (Apple MPP user agent → machine open; Postmark has no flag)
//   Click → clicked (OriginalLink) · SpamComplaint → complained · Bounce → see postmark-bounce-kind
//   SubscriptionChange with SuppressSending true → unsubscribed, unless its SuppressionReason is
//     HardBounce or SpamComplaint: those are reported by the Bounce / SpamComplaint webhook
//     already, and counting them twice would double the bounce; SuppressSending false → skipped
// Our ids come back in `Metadata`. See postmark-event-id.ts for the provider event id.
import { MAX_EMAIL_LENGTH, MAX_URL_LENGTH } from '../../../../domain/shared/input-limits.js';
import type { EngagementReport } from '../../../../application/engagement/engagement-report.js';
import { echoedIds, leadMetadata } from '../echoed-ids.js';
import { isoFromDateTime } from '../iso-time.js';
import { parseJsonBody } from '../json-body.js';
import { isPrivacyProxyUserAgent } from '../machine-open.js';
import type { MappedEvents } from '../mapped-events.js';
import { type JsonObject, isObject, optionalIdString, optionalString, pick, requireObject, requireString } from '../payload-reader.js';
import { postmarkBounce } from './postmark-bounce-kind.js';
import { postmarkEventId, postmarkEventTime } from './postmark-event-id.js';

type Mapped = Pick<EngagementReport, 'type' | 'bounceKind'>;

export function mapPostmarkEvent(rawBody: Buffer): MappedEvents {
  const event = requireObject(parseJsonBody(rawBody), '');
  const recordType = requireString(event, 'RecordType', '');
  const classified = classify(recordType, event);
  if ('skip' in classified) return { reports: [], skipped: [{ index: 0, event: recordType, reason: classified.skip }] };
  return { reports: [toReport(event, recordType, classified)], skipped: [] };
}

function classify(recordType: string, event: JsonObject): Mapped | { skip: string } {
  switch (recordType) {
    case 'Delivery':
      return { type: 'delivered' };
    case 'Open':
      return { type: 'opened' };
    case 'Click':
      return { type: 'clicked' };
    case 'SpamComplaint':
      return { type: 'complained' };
    case 'Bounce': {
      const type = requireString(event, 'Type', '');
      return postmarkBounce(type, event.Inactive === true) ?? { skip: `bounce type ${type} is not a bounce` };
    }
    case 'SubscriptionChange': {
      if (event.SuppressSending !== true) return { skip: 'resubscribed' };
      const reason = optionalString(event, 'SuppressionReason', '');
      if (reason === 'HardBounce' || reason === 'SpamComplaint') return { skip: `suppressed for ${reason}, reported by its own webhook` };
      return { type: 'unsubscribed' };
    }
    default:
      return { skip: 'not an engagement event' };
  }
}

function toReport(event: JsonObject, recordType: string, mapped: Mapped): EngagementReport {
  const ids = echoedIds(event.Metadata);
  const time = postmarkEventTime(event);
  const client = isObject(event.Client) ? event.Client : {};
  const report: EngagementReport = {
    source: 'postmark',
    providerEventId: postmarkEventId(event),
    type: mapped.type,
    occurredAt: isoFromDateTime(time.value, time.field),
    sequenceId: ids.sequenceId,
    step: ids.step,
    providerMessageId: optionalIdString(event, 'MessageID', ''),
    email: optionalString(event, 'Recipient', '', MAX_EMAIL_LENGTH) ?? optionalString(event, 'Email', '', MAX_EMAIL_LENGTH),
    url: mapped.type === 'clicked' ? optionalString(event, 'OriginalLink', '', MAX_URL_LENGTH) : null,
    metadata: {
      postmark_record_type: recordType,
      ...pick(event, ['Type', 'Tag', 'MessageStream', 'Platform', 'UserAgent', 'FirstOpen', 'Origin', 'SuppressionReason']),
      ...(typeof client.Name === 'string' ? { Client: client.Name } : {}),
      ...leadMetadata(ids),
    },
  };
  if (mapped.bounceKind) report.bounceKind = mapped.bounceKind;
  if (mapped.type === 'opened') report.machineOpen = isPrivacyProxyUserAgent(event.UserAgent);
  return report;
}
