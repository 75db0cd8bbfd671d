// The specification's engagement webhook: {email, event_type, timestamp, sequence_id, metadata},
// one or an array, signed with Standard Webhooks (NURTURE_WEBHOOK_SECRET).
import { mapSpecEngagementWebhook, verifyStandardWebhook } from './providers/index.js';
import { headersOf, rawBodyOf } from './raw-body.js';
import { listOf, webhookSecret } from './webhook-config.js';
import { webhookController } from './webhook-controller.js';

export const EngagementWebhookController = webhookController({
  provider: 'engagement',
  summary: "The specification's engagement webhook (Standard Webhooks signature)",
  verify(request) {
    const rawBody = rawBodyOf(request);
    const delivery = verifyStandardWebhook({ rawBody, headers: headersOf(request), secret: listOf(webhookSecret('engagement')), now: new Date() });
    return { ingest: mapSpecEngagementWebhook(rawBody, delivery), delivery: { source: 'webhook', deliveryId: delivery.id } };
  },
});
