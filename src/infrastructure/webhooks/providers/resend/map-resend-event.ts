// A Resend webhook (`{type, created_at, data}`, one event per request) to EngagementReports.
//   email.delivered → delivered · email.opened → opened · email.clicked → clicked (data.click.link)
//   email.bounced → bounced (`data.bounce.type` Permanent or absent → hard; Transient, Undetermined
//     → soft: Resend sends email.bounced for permanent rejections, SES's types underneath)
//   email.complained → complained · every other type (email.sent, email.delivery_delayed,
//     contact.*, domain.*) → skipped
// Provider event id: the `svix-id`, stable across retries. occurredAt: the event's `created_at`
// (`data.created_at` is when the email was created). `data.email_id` is the provider message id;
// our ids come back as `data.tags`, either [{name, value}] or {name: value}. Resend documents no
// machine-open flag: an open whose `data.open.userAgent`, if present, is Apple's privacy proxy is
// flagged.
import { MAX_EMAIL_LENGTH, MAX_PROVIDER_ID_LENGTH, MAX_URL_LENGTH } from '../../../../domain/shared/input-limits.js';
import type { EngagementReport } from '../../../../application/engagement/engagement-report.js';
import { echoedIds, leadMetadata } from '../echoed-ids.js';
import { isoFromDateTime } from '../iso-time.js';
import { parseJsonBody } from '../json-body.js';
import { isPrivacyProxyUserAgent } from '../machine-open.js';
import type { MappedEvents } from '../mapped-events.js';
import { type JsonObject, boundedText, isObject, optionalString, requireObject, requireString } from '../payload-reader.js';
import type { VerifiedWebhook } from '../standard-webhooks/verify-standard-webhook.js';

const TYPES: Record<string, EngagementReport['type']> = {
  'email.delivered': 'delivered',
  'email.opened': 'opened',
  'email.clicked': 'clicked',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
};

export function mapResendEvent(rawBody: Buffer, delivery: VerifiedWebhook): MappedEvents {
  const event = requireObject(parseJsonBody(rawBody), '');
  const name = requireString(event, 'type', '');
  const type = TYPES[name];
  if (type === undefined) return { reports: [], skipped: [{ index: 0, event: name, reason: 'not an engagement event' }] };
  const data = requireObject(event.data, 'data');
  const ids = echoedIds(tagsOf(data.tags));
  const click = isObject(data.click) ? data.click : {};
  const bounce = isObject(data.bounce) ? data.bounce : {};
  const open = isObject(data.open) ? data.open : {};
  const report: EngagementReport = {
    source: 'resend',
    providerEventId: delivery.id,
    type,
    occurredAt: event.created_at === undefined ? delivery.timestamp.toISOString() : isoFromDateTime(event.created_at, 'created_at'),
    sequenceId: ids.sequenceId,
    step: ids.step,
    providerMessageId: requireString(data, 'email_id', 'data', MAX_PROVIDER_ID_LENGTH),
    email: firstRecipient(data.to),
    url: type === 'clicked' ? optionalString(click, 'link', 'data.click', MAX_URL_LENGTH) : null,
    metadata: {
      resend_event: name,
      ...(typeof bounce.type === 'string' ? { bounce_type: bounce.type } : {}),
      ...(typeof bounce.subType === 'string' ? { bounce_sub_type: bounce.subType } : {}),
      ...(typeof click.userAgent === 'string' ? { user_agent: click.userAgent } : {}),
      ...leadMetadata(ids),
    },
  };
  if (type === 'bounced') report.bounceKind = bounce.type === undefined || bounce.type === 'Permanent' ? 'hard' : 'soft';
  if (type === 'opened') report.machineOpen = isPrivacyProxyUserAgent(open.userAgent);
  return { reports: [report], skipped: [] };
}

/** Tags as a flat record: `[{name, value}]` or `{name: value}`. */
function tagsOf(tags: unknown): JsonObject {
  if (isObject(tags)) return tags;
  if (!Array.isArray(tags)) return {};
  const record: JsonObject = {};
  for (const tag of tags) if (isObject(tag) && typeof tag.name === 'string') record[tag.name] = tag.value;
  return record;
}

/** The first `to` address, bare (`Name <a@b>` → `a@b`). */
function firstRecipient(to: unknown): string | null {
  const first = Array.isArray(to) ? to[0] : to;
  if (typeof first !== 'string' || first.trim() === '') return null;
  const angled = /<([^<>]+)>/.exec(first);
  return boundedText((angled ? angled[1]! : first).trim(), Array.isArray(to) ? 'data.to[0]' : 'data.to', MAX_EMAIL_LENGTH);
}
