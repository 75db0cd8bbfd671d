// `nurture serve`: the HTTP application and the scheduled pipeline, on one database.
import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { CheckHealthHandler, GetGaugesHandler } from '../../application/queries/operations/operations.handlers.js';
import { OPERATIONS_READ_MODEL } from '../../application/queries/read-side/operations-read-model.port.js';
import type { Database } from '../database/database.js';
import { HttpApiModule } from '../http-api/http-api.module.js';
import { NurturingModule } from '../nest/nurturing.module.js';
import { SqlOperationsReadModel } from '../read-side/sql-operations-read-model.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { HealthController } from './health.controller.js';
import { LiveProjectionService } from './live-projection.service.js';
import { PipelineSchedulerService, SERVE_OPTIONS, type ServeOptions } from './pipeline-scheduler.service.js';

@Module({})
export class ServeModule {
  static forDatabase(db: Database, options: ServeOptions): DynamicModule {
    return {
      module: ServeModule,
      imports: [NurturingModule.forDatabase(db, { configFile: options.configFile }), ScheduleModule.forRoot(), HttpApiModule, WebhooksModule],
      controllers: [HealthController],
      providers: [
        { provide: SERVE_OPTIONS, useValue: options },
        PipelineSchedulerService,
        LiveProjectionService,
        // The operational endpoints' reads (/health here, /metrics in WebhooksModule).
        { provide: OPERATIONS_READ_MODEL, useValue: new SqlOperationsReadModel(db) },
        GetGaugesHandler,
        CheckHealthHandler,
      ],
    };
  }
}
