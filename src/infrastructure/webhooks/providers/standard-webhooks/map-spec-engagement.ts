// The specification's engagement webhook, verified with Standard Webhooks, to EngagementReports.
// Provider event id: the item's own `event_id` when it has one; otherwise the `webhook-id` of the
// delivery, plus `:<index>` when the body is an array. Both are the same on every retry of the
// delivery, so a retried delivery is recognised as a repeat.
import type { EngagementReport } from '../../../../application/engagement/engagement-report.js';
import { parseJsonBody } from '../json-body.js';
import { isPrivacyProxyUserAgent } from '../machine-open.js';
import { type SpecEngagementBody, type SpecEngagementEvent, parseSpecEngagementBody } from './spec-engagement-payload.js';
import type { VerifiedWebhook } from './verify-standard-webhook.js';

export function mapSpecEngagementWebhook(rawBody: Buffer, delivery: VerifiedWebhook): EngagementReport[] {
  return mapSpecEngagement(parseSpecEngagementBody(parseJsonBody(rawBody)), delivery);
}

export function mapSpecEngagement(body: SpecEngagementBody, delivery: VerifiedWebhook): EngagementReport[] {
  return body.events.map((event, i) => toReport(event, event.eventId ?? (body.batch ? `${delivery.id}:${i}` : delivery.id), delivery));
}

function toReport(event: SpecEngagementEvent, providerEventId: string, delivery: VerifiedWebhook): EngagementReport {
  const report: EngagementReport = {
    source: 'webhook',
    providerEventId,
    type: event.eventType,
    occurredAt: event.timestamp ?? delivery.timestamp.toISOString(),
    sequenceId: event.sequenceId,
    step: event.step,
    providerMessageId: event.messageId,
    email: event.email,
    url: event.eventType === 'clicked' ? event.url : null,
    metadata: event.metadata,
  };
  if (event.eventType === 'bounced') report.bounceKind = event.bounceKind;
  if (event.eventType === 'opened') report.machineOpen = event.machineOpen || isPrivacyProxyUserAgent(event.metadata.user_agent);
  return report;
}
