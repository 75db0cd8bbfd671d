// The reports' ports on the app's database: the store (GET /reports), the generator (the
// scheduled reports of `serve`) and the signed links to their pages (the Slack summaries).
import { Module } from '@nestjs/common';
import { REPORT_GENERATOR, REPORT_STORE } from '../../application/reports/report-ports.js';
import { REPORT_LINKS, REPORT_LINKS_PROVIDER } from './report-links.provider.js';
import { REPORT_GENERATOR_PROVIDER, REPORT_STORE_PROVIDER } from './report-store.provider.js';

@Module({
  providers: [REPORT_STORE_PROVIDER, REPORT_GENERATOR_PROVIDER, REPORT_LINKS_PROVIDER],
  exports: [REPORT_STORE, REPORT_GENERATOR, REPORT_LINKS],
})
export class ReportsModule {}
