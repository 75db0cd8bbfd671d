// A Mailgun webhook (`{signature, "event-data"}`, one event per request) to EngagementReports.
//   delivered → delivered · opened → opened (`client-info.bot` apple/gmail/generic → machine open)
//   clicked → clicked · complained → complained · unsubscribed → unsubscribed
//   failed → by reason: suppress-unsubscribe → unsubscribed, suppress-complaint → complained;
//     otherwise a bounce, `severity` permanent → hard, temporary → soft
//   accepted, rejected, stored and unknown types → skipped
// `event-data.id` is the provider event id; `message.headers.message-id` (angle brackets removed)
// the provider message id; `user-variables` carry our ids.
import { MAX_EMAIL_LENGTH, MAX_PROVIDER_ID_LENGTH, MAX_URL_LENGTH } from '../../../../domain/shared/input-limits.js';
import type { EngagementReport } from '../../../../application/engagement/engagement-report.js';
import { bareMessageId } from '../bare-message-id.js';
import { echoedIds, leadMetadata } from '../echoed-ids.js';
import { isoFromUnixSeconds } from '../iso-time.js';
import { parseJsonBody } from '../json-body.js';
import { isPrivacyProxyUserAgent } from '../machine-open.js';
import type { MappedEvents } from '../mapped-events.js';
import { type JsonObject, boundedText, isObject, optionalString, pick, requireObject, requireString } from '../payload-reader.js';

type Mapped = Pick<EngagementReport, 'type' | 'bounceKind'>;

const DIRECT: Record<string, Mapped> = {
  delivered: { type: 'delivered' },
  opened: { type: 'opened' },
  clicked: { type: 'clicked' },
  complained: { type: 'complained' },
  unsubscribed: { type: 'unsubscribed' },
};

const BASE = 'event-data';

export function mapMailgunEvent(rawBody: Buffer): MappedEvents {
  const body = requireObject(parseJsonBody(rawBody), '');
  const data = requireObject(body[BASE], BASE);
  const name = requireString(data, 'event', BASE);
  const mapped = classify(name, data);
  if (mapped === null) return { reports: [], skipped: [{ index: 0, event: name, reason: 'not an engagement event' }] };
  return { reports: [toReport(data, name, mapped)], skipped: [] };
}

function classify(name: string, data: JsonObject): Mapped | null {
  if (DIRECT[name]) return DIRECT[name];
  if (name !== 'failed') return null;
  const reason = optionalString(data, 'reason', BASE);
  if (reason === 'suppress-unsubscribe') return { type: 'unsubscribed' };
  if (reason === 'suppress-complaint') return { type: 'complained' };
  return { type: 'bounced', bounceKind: optionalString(data, 'severity', BASE) === 'temporary' ? 'soft' : 'hard' };
}

function toReport(data: JsonObject, name: string, mapped: Mapped): EngagementReport {
  const ids = echoedIds(data['user-variables']);
  const clientInfo = isObject(data['client-info']) ? data['client-info'] : {};
  const bot = typeof clientInfo.bot === 'string' ? clientInfo.bot : '';
  const report: EngagementReport = {
    source: 'mailgun',
    providerEventId: requireString(data, 'id', BASE, MAX_PROVIDER_ID_LENGTH),
    type: mapped.type,
    occurredAt: isoFromUnixSeconds(data.timestamp, `${BASE}.timestamp`),
    sequenceId: ids.sequenceId,
    step: ids.step,
    providerMessageId: messageIdOf(data),
    email: optionalString(data, 'recipient', BASE, MAX_EMAIL_LENGTH),
    url: mapped.type === 'clicked' ? optionalString(data, 'url', BASE, MAX_URL_LENGTH) : null,
    metadata: {
      mailgun_event: name,
      ...pick(data, ['tags', 'reason', 'severity']),
      ...(clientInfo['user-agent'] !== undefined ? { user_agent: clientInfo['user-agent'] } : {}),
      ...(bot !== '' ? { bot } : {}),
      ...leadMetadata(ids),
    },
  };
  if (mapped.bounceKind) report.bounceKind = mapped.bounceKind;
  if (mapped.type === 'opened') report.machineOpen = bot !== '' || isPrivacyProxyUserAgent(clientInfo['user-agent']);
  return report;
}

function messageIdOf(data: JsonObject): string | null {
  const message = isObject(data.message) ? data.message : {};
  const headers = isObject(message.headers) ? message.headers : {};
  const id = typeof headers['message-id'] === 'string' ? bareMessageId(headers['message-id']) : '';
  return id === '' ? null : boundedText(id, `${BASE}.message.headers.message-id`, MAX_PROVIDER_ID_LENGTH);
}
