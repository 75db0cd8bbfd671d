import type pg from 'pg';
import { GenerateReport } from '../../application/reports/generate-report.js';
import { reportFileRenderer } from './report-files.js';
import { SqlReportFigures } from './sql-report-figures.js';
import { SqlReportStore } from './sql-report-store.js';

/** The report generator on a database: figures from its read side, stored in its reports table. */
export const createReportGenerator = (pool: Pick<pg.Pool, 'query'>): GenerateReport =>
  new GenerateReport(new SqlReportFigures(pool), reportFileRenderer, new SqlReportStore(pool));
