// SendGrid Event Webhook deliveries (a JSON array of events) to EngagementReports.
//   delivered → delivered · open → opened (`sg_machine_open: true` → machine open) · click → clicked
//   bounce → bounced: `type` "bounce" is a permanent rejection (hard), "blocked" a temporary one (soft)
//   dropped → by reason: "Bounced Address"/"Invalid" → hard bounce, "Unsubscribed Address" →
//     unsubscribed, "Spam Reporting Address" → complained, any other drop → soft bounce (not
//     delivered, but the address is not known to be bad)
//   spamreport → complained · unsubscribe, group_unsubscribe → unsubscribed
//   processed, deferred, group_resubscribe and unknown types → skipped
// `sg_event_id` is the provider event id; custom args (`sequence_id`, `step_number`, `lead_ext_id`)
// arrive at the top level of each event.
import { MAX_EMAIL_LENGTH, MAX_PROVIDER_ID_LENGTH, MAX_URL_LENGTH } from '../../../../domain/shared/input-limits.js';
import type { EngagementReport } from '../../../../application/engagement/engagement-report.js';
import { echoedIds, leadMetadata } from '../echoed-ids.js';
import { isoFromUnixSeconds } from '../iso-time.js';
import { parseJsonBody } from '../json-body.js';
import type { MappedEvents } from '../mapped-events.js';
import { type JsonObject, optionalString, pathOf, pick, requireObject, requireString } from '../payload-reader.js';
import { WebhookPayloadError } from '../webhook-payload-error.js';
import { sendGridMessageId } from './sendgrid-message-id.js';

type Mapped = Pick<EngagementReport, 'type' | 'bounceKind'>;

const DIRECT: Record<string, Mapped> = {
  delivered: { type: 'delivered' },
  open: { type: 'opened' },
  click: { type: 'clicked' },
  spamreport: { type: 'complained' },
  unsubscribe: { type: 'unsubscribed' },
  group_unsubscribe: { type: 'unsubscribed' },
};

const DROP_REASONS: Record<string, Mapped> = {
  'bounced address': { type: 'bounced', bounceKind: 'hard' },
  invalid: { type: 'bounced', bounceKind: 'hard' },
  'unsubscribed address': { type: 'unsubscribed' },
  'spam reporting address': { type: 'complained' },
};

const KEPT = ['category', 'asm_group_id', 'reason', 'status', 'type', 'bounce_classification', 'useragent', 'marketing_campaign_id', 'marketing_campaign_name'];

export function mapSendGridEvents(rawBody: Buffer): MappedEvents {
  const body = parseJsonBody(rawBody);
  if (!Array.isArray(body)) throw new WebhookPayloadError('body', 'must be a JSON array of events');
  const result: MappedEvents = { reports: [], skipped: [] };
  body.forEach((item, index) => {
    const base = pathOf('', index);
    const event = requireObject(item, base);
    const name = requireString(event, 'event', base);
    const mapped = classify(name, event, base);
    if (mapped === null) result.skipped.push({ index, event: name, reason: 'not an engagement event' });
    else result.reports.push(toReport(event, name, mapped, base));
  });
  return result;
}

function classify(name: string, event: JsonObject, base: string): Mapped | null {
  if (DIRECT[name]) return DIRECT[name];
  if (name === 'bounce') {
    const kind = optionalString(event, 'type', base);
    return { type: 'bounced', bounceKind: kind?.toLowerCase() === 'blocked' ? 'soft' : 'hard' };
  }
  if (name === 'dropped') {
    const reason = (optionalString(event, 'reason', base) ?? '').toLowerCase();
    return DROP_REASONS[reason] ?? { type: 'bounced', bounceKind: 'soft' };
  }
  return null;
}

function toReport(event: JsonObject, name: string, mapped: Mapped, base: string): EngagementReport {
  const ids = echoedIds(event);
  const messageId = optionalString(event, 'sg_message_id', base, MAX_PROVIDER_ID_LENGTH);
  const report: EngagementReport = {
    source: 'sendgrid',
    providerEventId: requireString(event, 'sg_event_id', base, MAX_PROVIDER_ID_LENGTH),
    type: mapped.type,
    occurredAt: isoFromUnixSeconds(event.timestamp, pathOf(base, 'timestamp')),
    sequenceId: ids.sequenceId,
    step: ids.step,
    providerMessageId: messageId === null ? null : sendGridMessageId(messageId),
    email: optionalString(event, 'email', base, MAX_EMAIL_LENGTH),
    url: mapped.type === 'clicked' ? optionalString(event, 'url', base, MAX_URL_LENGTH) : null,
    metadata: { sendgrid_event: name, ...pick(event, KEPT), ...leadMetadata(ids) },
  };
  if (mapped.bounceKind) report.bounceKind = mapped.bounceKind;
  if (mapped.type === 'opened') report.machineOpen = event.sg_machine_open === true;
  return report;
}
