// The reports' ports on the app's database, for Nest modules (the HTTP API; the scheduler).
import type { Provider } from '@nestjs/common';
import { REPORT_GENERATOR, REPORT_STORE } from '../../application/reports/report-ports.js';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { createReportGenerator } from './create-report-generator.js';
import { SqlReportStore } from './sql-report-store.js';

export const REPORT_STORE_PROVIDER: Provider = { provide: REPORT_STORE, inject: [DATABASE], useFactory: (db: Database) => new SqlReportStore(db.pool) };
export const REPORT_GENERATOR_PROVIDER: Provider = { provide: REPORT_GENERATOR, inject: [DATABASE], useFactory: (db: Database) => createReportGenerator(db.pool) };
