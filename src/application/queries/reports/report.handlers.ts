import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, ValidationError } from '../../../domain/shared/errors.js';
import type { ReportKind } from '../../reports/report.js';
import { REPORT_STORE, type ReportFile, type ReportListing, type ReportStore, type StoredReport } from '../../reports/report-ports.js';
import { requireIntegerIn, requireOneOf } from '../shared/input-checks.js';
import { DEFAULT_REPORTS_LIMIT, GetReportFileQuery, GetReportQuery, ListReportsQuery, MAX_REPORTS_LIMIT } from './report.queries.js';

const KINDS: readonly ReportKind[] = ['weekly', 'monthly'];

async function storedReport(store: ReportStore, id: string): Promise<StoredReport> {
  const stored = await store.find(id);
  if (stored === null) throw new NotFoundError(`report ${JSON.stringify(id)} not found`);
  return stored;
}

@QueryHandler(ListReportsQuery)
export class ListReportsHandler implements IQueryHandler<ListReportsQuery> {
  constructor(@Inject(REPORT_STORE) private readonly store: ReportStore) {}

  execute({ options }: ListReportsQuery): Promise<ReportListing[]> {
    const kind = options.kind === undefined ? undefined : requireOneOf(options.kind, KINDS, 'kind');
    return this.store.list({ kind, limit: requireIntegerIn(options.limit ?? DEFAULT_REPORTS_LIMIT, 1, MAX_REPORTS_LIMIT, 'limit') });
  }
}

@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery> {
  constructor(@Inject(REPORT_STORE) private readonly store: ReportStore) {}

  execute({ id }: GetReportQuery): Promise<StoredReport> {
    return storedReport(this.store, id);
  }
}

@QueryHandler(GetReportFileQuery)
export class GetReportFileHandler implements IQueryHandler<GetReportFileQuery> {
  constructor(@Inject(REPORT_STORE) private readonly store: ReportStore) {}

  async execute({ id, format, name }: GetReportFileQuery): Promise<ReportFile> {
    const { files } = await storedReport(this.store, id);
    if (format === 'html') return files.find((f) => f.name === `${id}.html`)!;
    const wanted = name === undefined ? `${id}.csv` : `${id}-${name}.csv`;
    const file = files.find((f) => f.name === wanted);
    if (file === undefined) {
      const names = files.filter((f) => f.name.endsWith('.csv') && f.name !== `${id}.csv`).map((f) => f.name.slice(id.length + 1, -4));
      throw new ValidationError('name', names.length === 0 ? `report ${id} has one CSV only; leave name out` : `must be one of ${names.join(', ')}, got ${JSON.stringify(name)}`);
    }
    return file;
  }
}
