// The scheduled reports of `serve`. `reports` is the module that provides (and exports)
// REPORT_GENERATOR and REPORT_STORE; ServeModule imports this one with it.
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import type { Database } from '../database/database.js';
import { LocalReportLock, PgReportLock, REPORT_LOCK } from './report-lock.js';
import { REPORT_SCHEDULING_OPTIONS, ReportSchedulerService, type ReportSchedulingOptions } from './report-scheduler.service.js';

@Module({})
export class ReportSchedulingModule {
  static forDatabase(db: Database, options: ReportSchedulingOptions, reports: DynamicModule | Type): DynamicModule {
    return {
      module: ReportSchedulingModule,
      imports: [reports],
      providers: [
        { provide: REPORT_SCHEDULING_OPTIONS, useValue: options },
        { provide: REPORT_LOCK, useValue: db.mode === 'embedded' ? new LocalReportLock() : new PgReportLock(db.pool) },
        ReportSchedulerService,
      ],
      exports: [ReportSchedulerService],
    };
  }
}
