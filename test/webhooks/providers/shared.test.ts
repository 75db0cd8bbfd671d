import { echoedIds } from '../../../src/infrastructure/webhooks/providers/echoed-ids.js';
import { isoFromDateTime, isoFromUnixSeconds } from '../../../src/infrastructure/webhooks/providers/iso-time.js';
import { parseJsonBody } from '../../../src/infrastructure/webhooks/providers/json-body.js';
import { isPrivacyProxyUserAgent } from '../../../src/infrastructure/webhooks/providers/machine-open.js';
import { assertInsideWindow } from '../../../src/infrastructure/webhooks/providers/timestamp-window.js';
import { WebhookAuthError } from '../../../src/infrastructure/webhooks/providers/webhook-auth-error.js';
import { requireHeader } from '../../../src/infrastructure/webhooks/providers/webhook-headers.js';
import { WebhookPayloadError } from '../../../src/infrastructure/webhooks/providers/webhook-payload-error.js';
import { ValidationError } from '../../../src/domain/shared/errors.js';

describe('shared webhook pieces', () => {
  it('refuses a repeated or blank signature header', () => {
    expect(() => requireHeader({ 'webhook-signature': ['v1,a', 'v1,b'] }, 'webhook-signature')).toThrow(new WebhookAuthError('repeated header webhook-signature'));
    expect(() => requireHeader({ 'webhook-signature': '  ' }, 'webhook-signature')).toThrow(new WebhookAuthError('missing header webhook-signature'));
  });

  it('describes windows in words', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(() => assertInsideWindow(now.getTime() - 7201_000, now, { maxAgeSeconds: 7200, maxFutureSeconds: 90 }, 'ts')).toThrow('ts is older than 2 hours');
    expect(() => assertInsideWindow(now.getTime() + 91_000, now, { maxAgeSeconds: 7200, maxFutureSeconds: 90 }, 'ts')).toThrow('ts is more than 90 seconds in the future');
  });

  it('payload errors are validation errors naming the field', () => {
    const error = new WebhookPayloadError('[2].event_type', 'must be one of opened');
    expect(error).toBeInstanceOf(ValidationError);
    expect([error.field, error.problem, error.message]).toEqual(['[2].event_type', 'must be one of opened', '[2].event_type: must be one of opened']);
  });

  it('reads bodies and times strictly', () => {
    expect(() => parseJsonBody(Buffer.from([0x7b, 0xff, 0x7d]))).toThrow('body: is not valid UTF-8');
    expect(() => parseJsonBody(Buffer.from(''))).toThrow('body: is empty');
    expect(isoFromDateTime('2019-11-05T16:33:54.9070259Z', 'at')).toBe('2019-11-05T16:33:54.907Z');
    expect(isoFromDateTime('2014-08-01T13:28:10.2735393-04:00', 'at')).toBe('2014-08-01T17:28:10.273Z');
    expect(() => isoFromDateTime('2025-02-30T10:00:00Z', 'at')).toThrow('at: is not a valid date-time');
    expect(isoFromUnixSeconds('1529006854.329574', 'at')).toBe('2018-06-14T20:07:34.330Z');
    expect(() => isoFromUnixSeconds(-1, 'at')).toThrow('at: must be a Unix timestamp in seconds');
  });

  it('reads echoed ids leniently', () => {
    expect(echoedIds({ sequence_id: ['12'], step_number: 3, lead_ext_id: ['lead_9'] })).toEqual({ sequenceId: 12, step: 3, leadExtId: 'lead_9' });
    expect(echoedIds({ sequence_id: '1.5', step_number: 0 })).toEqual({ sequenceId: null, step: null, leadExtId: null });
    expect(echoedIds(undefined)).toEqual({ sequenceId: null, step: null, leadExtId: null });
  });

  it('recognises only the bare Apple privacy proxy user agent as a machine', () => {
    expect(isPrivacyProxyUserAgent('Mozilla/5.0')).toBe(true);
    expect(isPrivacyProxyUserAgent('Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)')).toBe(false);
    expect(isPrivacyProxyUserAgent(undefined)).toBe(false);
  });
});
