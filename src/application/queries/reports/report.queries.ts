import { Query } from '@nestjs/cqrs';
import type { ReportKind } from '../../reports/report.js';
import type { ReportFile, ReportListing, StoredReport } from '../../reports/report-ports.js';

export const DEFAULT_REPORTS_LIMIT = 20;
export const MAX_REPORTS_LIMIT = 500;

/** Stored reports, newest period first. */
export class ListReportsQuery extends Query<ReportListing[]> {
  constructor(readonly options: { kind?: string; limit?: number }) {
    super();
  }
}

/** One stored report and its files. */
export class GetReportQuery extends Query<StoredReport> {
  constructor(readonly id: string) {
    super();
  }
}

/** One file of a stored report: its main CSV (or the CSV `name`d, e.g. top-templates), or its HTML. */
export class GetReportFileQuery extends Query<ReportFile> {
  constructor(
    readonly id: string,
    readonly format: 'csv' | 'html',
    readonly name?: string,
  ) {
    super();
  }
}

export type { ReportKind };
