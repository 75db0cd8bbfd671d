// The specification's engagement webhook body: one event or an array of them,
//   {email, event_type, timestamp, sequence_id, metadata}
// where `metadata` may be an object or a JSON string holding one (as in the specification's own
// example). The Airflow form `{conf: {...}}` is accepted too. Our ids may come at the top level or
// inside `metadata` (integrations often echo back the metadata our outgoing emails carry).
// Every error names the field and, for arrays, the index: `[2].event_type: must be one of …`.
import { MAX_EMAIL_LENGTH, MAX_PROVIDER_ID_LENGTH, MAX_URL_LENGTH } from '../../../../domain/shared/input-limits.js';
import { detailsProblem } from '../../../../domain/sequence/engagement-details.js';
import { bareMessageId } from '../bare-message-id.js';
import { positiveInteger } from '../echoed-ids.js';
import { isoFromDateTime, isoFromUnixSeconds } from '../iso-time.js';
import { type JsonObject, isObject, optionalString, pathOf, requireObject } from '../payload-reader.js';
import { WebhookPayloadError } from '../webhook-payload-error.js';

export const SPEC_EVENT_TYPES = ['opened', 'clicked', 'replied', 'bounced', 'delivered'] as const;
export type SpecEventType = (typeof SPEC_EVENT_TYPES)[number];

/** Events accepted in one request. */
export const MAX_EVENTS_PER_REQUEST = 1000;

export interface SpecEngagementEvent {
  eventType: SpecEventType;
  email: string | null;
  /** ISO-8601; null when the event carries none (the delivery's own time is used). */
  timestamp: string | null;
  sequenceId: number | null;
  step: number | null;
  /** The sender's own id for the event, when it gives one. */
  eventId: string | null;
  messageId: string | null;
  url: string | null;
  bounceKind: 'hard' | 'soft';
  machineOpen: boolean;
  metadata: JsonObject;
}

export interface SpecEngagementBody {
  events: SpecEngagementEvent[];
  /** Whether the body was an array (ids then carry the index). */
  batch: boolean;
}

export function parseSpecEngagementBody(body: unknown): SpecEngagementBody {
  let base = '';
  if (isObject(body) && body.event_type === undefined && body.conf !== undefined) {
    body = body.conf;
    base = 'conf';
  }
  if (!Array.isArray(body)) return { events: [parseEvent(requireObject(body, base), base)], batch: false };
  if (body.length === 0) throw new WebhookPayloadError(base || 'body', 'must hold at least one event');
  if (body.length > MAX_EVENTS_PER_REQUEST) throw new WebhookPayloadError(base || 'body', `holds ${body.length} events; at most ${MAX_EVENTS_PER_REQUEST} are accepted per request`);
  return { events: body.map((item, i) => parseEvent(requireObject(item, pathOf(base, i)), pathOf(base, i))), batch: true };
}

function parseEvent(item: JsonObject, base: string): SpecEngagementEvent {
  const at = (key: string) => pathOf(base, key);
  const eventType = item.event_type;
  if (eventType === undefined || eventType === null) throw new WebhookPayloadError(at('event_type'), 'is required');
  if (typeof eventType !== 'string' || !(SPEC_EVENT_TYPES as readonly string[]).includes(eventType)) {
    throw new WebhookPayloadError(at('event_type'), `must be one of ${SPEC_EVENT_TYPES.join(', ')}`);
  }
  const metadata = parseMetadata(item.metadata, at('metadata'));
  const email = optionalString(item, 'email', base, MAX_EMAIL_LENGTH);
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) throw new WebhookPayloadError(at('email'), 'must be an email address');
  const sequenceId = idField(item, metadata, 'sequence_id', base);
  if (email === null && sequenceId === null) throw new WebhookPayloadError(at('email'), 'is required when sequence_id is absent');
  const eventId = optionalString(item, 'event_id', base, MAX_PROVIDER_ID_LENGTH);
  return {
    eventType: eventType as SpecEventType,
    email,
    timestamp: timestampOf(item.timestamp, at('timestamp')),
    sequenceId,
    step: idField(item, metadata, 'step_number', base),
    eventId,
    messageId: messageIdOf(optionalString(item, 'message_id', base, MAX_PROVIDER_ID_LENGTH) ?? optionalString(metadata, 'message_id', at('metadata'), MAX_PROVIDER_ID_LENGTH)),
    url: optionalString(item, 'url', base, MAX_URL_LENGTH) ?? optionalString(metadata, 'url', at('metadata'), MAX_URL_LENGTH),
    bounceKind: bounceKindOf(item, metadata, base),
    machineOpen: metadata.machine_open === true,
    metadata,
  };
}

const messageIdOf = (id: string | null): string | null => (id === null ? null : bareMessageId(id) || null);

/** Kept with the event and merged into the email's row, so bounded (engagement-details.ts):
 * over a bound, the request is refused (422 naming the field) rather than cut silently. */
function parseMetadata(value: unknown, path: string): JsonObject {
  const metadata = metadataObject(value, path);
  const problem = detailsProblem(metadata);
  if (problem !== null) throw new WebhookPayloadError(path, problem);
  return metadata;
}

function metadataObject(value: unknown, path: string): JsonObject {
  if (value === undefined || value === null || value === '') return {};
  if (isObject(value)) return value;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (isObject(parsed)) return parsed;
    } catch {
      // reported below
    }
  }
  throw new WebhookPayloadError(path, 'must be a JSON object, or a string holding one');
}

/** `sequence_id` / `step_number`, at the top level or else in metadata: a positive integer. */
function idField(item: JsonObject, metadata: JsonObject, key: string, base: string): number | null {
  const [value, path] = item[key] !== undefined && item[key] !== null ? [item[key], pathOf(base, key)] : [metadata[key], pathOf(pathOf(base, 'metadata'), key)];
  if (value === undefined || value === null) return null;
  const id = Array.isArray(value) ? null : positiveInteger(value);
  if (id === null) throw new WebhookPayloadError(path, 'must be a positive integer');
  return id;
}

function timestampOf(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'number' ? isoFromUnixSeconds(value, path) : isoFromDateTime(value, path);
}

const BOUNCE_KINDS: Record<string, 'hard' | 'soft'> = { hard: 'hard', permanent: 'hard', soft: 'soft', transient: 'soft' };

/** `bounce_type` (top level or metadata): hard/permanent or soft/transient. Unspecified → hard. */
function bounceKindOf(item: JsonObject, metadata: JsonObject, base: string): 'hard' | 'soft' {
  const [value, path] = item.bounce_type !== undefined ? [item.bounce_type, pathOf(base, 'bounce_type')] : [metadata.bounce_type, pathOf(pathOf(base, 'metadata'), 'bounce_type')];
  if (value === undefined || value === null) return 'hard';
  const kind = typeof value === 'string' ? BOUNCE_KINDS[value.toLowerCase()] : undefined;
  if (kind === undefined) throw new WebhookPayloadError(path, 'must be one of hard, soft, permanent, transient');
  return kind;
}
