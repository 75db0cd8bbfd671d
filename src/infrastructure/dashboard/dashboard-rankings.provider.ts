// The dashboard's rankings, computed by the reports' own SQL (SqlReportFigures.rankings) with the
// service's report_min_sends, refreshed at most every NURTURE_DASHBOARD_RANKINGS_SECONDS (default 60).
import { Logger, type Provider } from '@nestjs/common';
import { DASHBOARD_RANKINGS } from '../../application/queries/dashboard/dashboard.handlers.js';
import { DashboardRankings } from '../../application/queries/dashboard/dashboard-rankings.js';
import { loadServiceParameters } from '../config/load-run-parameters.js';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { SqlReportFigures } from '../reports/sql-report-figures.js';

export const RANKINGS_REFRESH_ENV = 'NURTURE_DASHBOARD_RANKINGS_SECONDS';
export const DEFAULT_RANKINGS_REFRESH_SECONDS = 60;

export const rankingsRefreshMsFrom = (env: NodeJS.ProcessEnv): number => {
  const raw = env[RANKINGS_REFRESH_ENV];
  if (raw === undefined || raw === '') return DEFAULT_RANKINGS_REFRESH_SECONDS * 1000;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) {
    throw new Error(`${RANKINGS_REFRESH_ENV} must be a whole number of seconds from 0 to 86400 (got "${raw}")`);
  }
  return seconds * 1000;
};

export const DASHBOARD_RANKINGS_PROVIDER: Provider = {
  provide: DASHBOARD_RANKINGS,
  inject: [DATABASE],
  useFactory: (db: Database) => {
    const logger = new Logger('DashboardRankings');
    return new DashboardRankings(new SqlReportFigures(db.pool), {
      minSends: loadServiceParameters({ env: process.env }).report_min_sends,
      refreshMs: rankingsRefreshMsFrom(process.env),
      onError: (error) => logger.warn(`top templates and steps not refreshed: ${error instanceof Error ? error.message : String(error)}`),
    });
  },
};
