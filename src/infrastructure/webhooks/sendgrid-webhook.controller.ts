// SendGrid's signed Event Webhook (ECDSA P-256; NURTURE_SENDGRID_PUBLIC_KEY).
import { mapSendGridEvents, verifySendGridSignature } from './providers/index.js';
import { headersOf, rawBodyOf } from './raw-body.js';
import { webhookSecret } from './webhook-config.js';
import { webhookController } from './webhook-controller.js';

export const SendGridWebhookController = webhookController({
  provider: 'sendgrid',
  summary: 'SendGrid Event Webhook (signed)',
  verify(request) {
    const rawBody = rawBodyOf(request);
    verifySendGridSignature({ rawBody, headers: headersOf(request), publicKey: webhookSecret('sendgrid'), now: new Date() });
    return { ingest: mapSendGridEvents(rawBody), delivery: { source: 'sendgrid' } };
  },
});
