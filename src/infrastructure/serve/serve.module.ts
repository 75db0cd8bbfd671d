// `nurture serve`: the HTTP application and the scheduled pipeline, on one database.
import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import type { Database } from '../database/database.js';
import { HttpApiModule } from '../http-api/http-api.module.js';
import { NurturingModule } from '../nest/nurturing.module.js';
import { OperationsModule } from '../operations/operations.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { LiveProjectionService } from './live-projection.service.js';
import { PipelineSchedulerService, SERVE_OPTIONS, type ServeOptions } from './pipeline-scheduler.service.js';
import { ReportSchedulingModule } from './report-scheduling.module.js';

@Module({})
export class ServeModule {
  static forDatabase(db: Database, options: ServeOptions): DynamicModule {
    return {
      module: ServeModule,
      imports: [
        NurturingModule.forDatabase(db, { configFile: options.configFile }),
        ScheduleModule.forRoot(),
        HttpApiModule,
        WebhooksModule,
        OperationsModule,
        DashboardModule,
        ...(options.reportSchedules ? [ReportSchedulingModule.forDatabase(db, { schedules: options.reportSchedules, configFile: options.configFile }, ReportsModule)] : []),
      ],
      providers: [
        { provide: SERVE_OPTIONS, useValue: options },
        PipelineSchedulerService,
        LiveProjectionService,
      ],
    };
  }
}
