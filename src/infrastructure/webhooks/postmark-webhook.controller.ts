// Postmark webhooks, authenticated by HTTP basic auth (NURTURE_POSTMARK_BASIC_AUTH = user:pass).
import { mapPostmarkEvent, verifyPostmarkBasicAuth } from './providers/index.js';
import { headersOf, rawBodyOf } from './raw-body.js';
import { webhookSecret } from './webhook-config.js';
import { webhookController } from './webhook-controller.js';

export const PostmarkWebhookController = webhookController({
  provider: 'postmark',
  summary: 'Postmark webhook (basic auth): Delivery, Bounce, Open, Click, SpamComplaint, SubscriptionChange',
  verify(request) {
    verifyPostmarkBasicAuth({ headers: headersOf(request), credentials: webhookSecret('postmark') });
    return { ingest: mapPostmarkEvent(rawBodyOf(request)), delivery: { source: 'postmark' } };
  },
});
