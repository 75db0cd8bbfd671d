// The public endpoints: engagement webhooks, one-click unsubscribe, /metrics.
import { Module } from '@nestjs/common';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { EngagementIngestionService } from './engagement-ingestion.service.js';
import { MetricsController } from './metrics.controller.js';
import { UnsubscribeController } from './unsubscribe.controller.js';
import { WebhookMetrics } from './webhook-metrics.js';

@Module({
  controllers: [UnsubscribeController, MetricsController],
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry, prefix: 'nurture_process_' });
        return registry;
      },
    },
    WebhookMetrics,
    EngagementIngestionService,
  ],
  exports: [EngagementIngestionService, Registry],
})
export class WebhooksModule {}
