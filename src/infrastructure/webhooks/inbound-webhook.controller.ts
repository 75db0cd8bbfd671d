// Replies: no provider reports them, so inbound email (JSON {from, to, subject, headers,
// message_id} or a raw MIME header block) is posted here, signed with Standard Webhooks
// (NURTURE_WEBHOOK_SECRET), and matched to our sends by In-Reply-To / References.
import { createHash } from 'node:crypto';
import type { EngagementReport } from '../../application/engagement/engagement-report.js';
import { parseInboundReply, verifyStandardWebhook } from './providers/index.js';
import { headersOf, rawBodyOf } from './raw-body.js';
import { listOf, webhookSecret } from './webhook-config.js';
import { webhookController } from './webhook-controller.js';

export const InboundWebhookController = webhookController({
  provider: 'inbound',
  summary: 'Inbound replies, matched by In-Reply-To / References (Standard Webhooks signature)',
  verify(request) {
    const rawBody = rawBodyOf(request);
    const delivery = verifyStandardWebhook({ rawBody, headers: headersOf(request), secret: listOf(webhookSecret('engagement')), now: new Date() });
    const reply = parseInboundReply(rawBody, request.headers['content-type']);
    const [first, ...rest] = reply.candidateMessageIds;
    const occurredAt = reply.date && !Number.isNaN(Date.parse(reply.date)) ? new Date(reply.date).toISOString() : delivery.timestamp.toISOString();
    const report: EngagementReport = {
      source: 'inbound',
      providerEventId: reply.messageId ?? createHash('sha256').update(rawBody).digest('hex'),
      type: 'replied',
      occurredAt,
      providerMessageId: first ?? null,
      alternateMessageIds: rest,
      email: reply.from,
    };
    return { ingest: [report], delivery: { source: 'inbound', deliveryId: delivery.id } };
  },
});
