// What one SES event means for us: the engagement type (with its bounce kind, machine-open flag or
// url), the recipients it concerns, and the detail worth keeping. null: not an engagement event.
import { MAX_EMAIL_LENGTH, MAX_URL_LENGTH } from '../../../../domain/shared/input-limits.js';
import type { EngagementReport } from '../../../../application/engagement/engagement-report.js';
import { isPrivacyProxyUserAgent } from '../machine-open.js';
import { type JsonObject, boundedText, isObject, optionalString, pathOf, pick, requireObject, requireString } from '../payload-reader.js';
import { WebhookPayloadError } from '../webhook-payload-error.js';

export interface SesEventKind {
  fields: Pick<EngagementReport, 'type' | 'bounceKind' | 'machineOpen' | 'url'>;
  /** One report per recipient; null when SES does not say which recipient (open, click). */
  recipients: (string | null)[];
  detail: JsonObject;
}

export function sesEventKind(name: string, detail: JsonObject, mail: JsonObject): SesEventKind | null {
  const at = `Message.${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  const destination = Array.isArray(mail.destination) && mail.destination.length === 1 && typeof mail.destination[0] === 'string'
    ? [boundedText(mail.destination[0], 'Message.mail.destination[0]', MAX_EMAIL_LENGTH)]
    : [null];
  switch (name) {
    case 'Delivery':
      return { fields: { type: 'delivered' }, recipients: list(detail.recipients, `${at}.recipients`).map((r, i) => (typeof r === 'string' ? boundedText(r, `${at}.recipients[${i}]`, MAX_EMAIL_LENGTH) : null)), detail: {} };
    case 'Bounce':
      return {
        fields: { type: 'bounced', bounceKind: detail.bounceType === 'Permanent' ? 'hard' : 'soft' },
        recipients: addresses(detail.bouncedRecipients, `${at}.bouncedRecipients`),
        detail: pick(detail, ['bounceType', 'bounceSubType']),
      };
    case 'Complaint':
      return { fields: { type: 'complained' }, recipients: addresses(detail.complainedRecipients, `${at}.complainedRecipients`), detail: pick(detail, ['complaintFeedbackType', 'complaintSubType']) };
    case 'Open':
      return { fields: { type: 'opened', machineOpen: isPrivacyProxyUserAgent(detail.userAgent) }, recipients: destination, detail: pick(detail, ['userAgent']) };
    case 'Click':
      return { fields: { type: 'clicked', url: optionalString(detail, 'link', at, MAX_URL_LENGTH) }, recipients: destination, detail: pick(detail, ['userAgent', 'linkTags']) };
    case 'Subscription': {
      const preferences = isObject(detail.newTopicPreferences) ? detail.newTopicPreferences : {};
      if (preferences.unsubscribeAll !== true) return null;
      return { fields: { type: 'unsubscribed' }, recipients: destination, detail: pick(detail, ['contactList', 'source']) };
    }
    default:
      return null;
  }
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw new WebhookPayloadError(path, 'must be a non-empty array');
  return value;
}

function addresses(value: unknown, path: string): string[] {
  return list(value, path).map((item, i) => requireString(requireObject(item, pathOf(path, i)), 'emailAddress', pathOf(path, i), MAX_EMAIL_LENGTH));
}
