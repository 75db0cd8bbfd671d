// Resend webhooks, signed with Svix (NURTURE_RESEND_WEBHOOK_SECRET = whsec_…).
import { mapResendEvent, verifyResendSignature } from './providers/index.js';
import { headersOf, rawBodyOf } from './raw-body.js';
import { listOf, webhookSecret } from './webhook-config.js';
import { webhookController } from './webhook-controller.js';

export const ResendWebhookController = webhookController({
  provider: 'resend',
  summary: 'Resend webhook (Svix signature)',
  verify(request) {
    const rawBody = rawBodyOf(request);
    const delivery = verifyResendSignature({ rawBody, headers: headersOf(request), secret: listOf(webhookSecret('resend')), now: new Date() });
    return { ingest: mapResendEvent(rawBody, delivery), delivery: { source: 'resend', deliveryId: delivery.id } };
  },
});
