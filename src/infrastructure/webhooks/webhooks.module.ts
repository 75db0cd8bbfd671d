// The public endpoints: engagement webhooks (the specification's and five providers'), inbound
// replies, one-click unsubscribe. Rate-limited per client; no API keys (signatures). Their
// Prometheus counters are registered here (/metrics is the operations module's).
import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { EngagementIngestion } from '../../application/engagement/engagement-ingestion.js';
import { engagementIngestionProvider } from './engagement-ingestion.provider.js';
import { EngagementWebhookController } from './engagement-webhook.controller.js';
import { InboundWebhookController } from './inbound-webhook.controller.js';
import { MailgunWebhookController } from './mailgun-webhook.controller.js';
import { PostmarkWebhookController } from './postmark-webhook.controller.js';
import { CachingCertificateSource, fetchCertificateOverHttps } from './providers/index.js';
import { PublicRateLimit } from './rate-limit.js';
import { ResendWebhookController } from './resend-webhook.controller.js';
import { SendGridWebhookController } from './sendgrid-webhook.controller.js';
import { SNS_CERTIFICATES, SesWebhookController } from './ses-webhook.controller.js';
import { UnsubscribeController } from './unsubscribe.controller.js';
import { WebhookMetrics } from './webhook-metrics.js';
import { WebhookRequestCounter } from './webhook-request-counter.js';

const WEBHOOK_CONTROLLERS = [
  EngagementWebhookController,
  SendGridWebhookController,
  MailgunWebhookController,
  PostmarkWebhookController,
  SesWebhookController,
  ResendWebhookController,
  InboundWebhookController,
];

@Module({
  controllers: [
    ...WEBHOOK_CONTROLLERS,
    UnsubscribeController,
  ],
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry, prefix: 'nurture_process_' });
        return registry;
      },
    },
    { provide: SNS_CERTIFICATES, useFactory: () => new CachingCertificateSource(fetchCertificateOverHttps) },
    PublicRateLimit,
    WebhookMetrics,
    engagementIngestionProvider,
  ],
  exports: [EngagementIngestion, Registry, SNS_CERTIFICATES],
})
export class WebhooksModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(WebhookRequestCounter).forRoutes(...WEBHOOK_CONTROLLERS);
  }
}
