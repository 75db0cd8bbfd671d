// The reports' ports on the app's database: the store (GET /reports) and the generator (the
// scheduled reports of `serve`).
import { Module } from '@nestjs/common';
import { REPORT_GENERATOR, REPORT_STORE } from '../../application/reports/report-ports.js';
import { REPORT_GENERATOR_PROVIDER, REPORT_STORE_PROVIDER } from './report-store.provider.js';

@Module({
  providers: [REPORT_STORE_PROVIDER, REPORT_GENERATOR_PROVIDER],
  exports: [REPORT_STORE, REPORT_GENERATOR],
})
export class ReportsModule {}
