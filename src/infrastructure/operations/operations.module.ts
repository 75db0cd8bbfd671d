// The operational endpoints: /health (readiness) and /metrics (Prometheus), with the reads they
// make through the query bus.
import { Module } from '@nestjs/common';
import { CheckHealthHandler, GetGaugesHandler } from '../../application/queries/operations/operations.handlers.js';
import { OPERATIONS_READ_MODEL } from '../../application/queries/read-side/operations-read-model.port.js';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { PublicRateLimit } from '../webhooks/rate-limit.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { SqlOperationsReadModel } from './sql-operations-read-model.js';

@Module({
  // The Prometheus registry (with the webhooks' counters) comes from WebhooksModule.
  imports: [WebhooksModule],
  controllers: [HealthController, MetricsController],
  providers: [
    { provide: OPERATIONS_READ_MODEL, inject: [DATABASE], useFactory: (db: Database) => new SqlOperationsReadModel(db) },
    GetGaugesHandler,
    CheckHealthHandler,
    PublicRateLimit,
  ],
})
export class OperationsModule {}
