import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { RunReport } from '../../pipeline/run-report.js';
import { requireIntegerIn } from '../shared/input-checks.js';
import { DEFAULT_RUNS_LIMIT, ListRunsQuery, MAX_RUNS_LIMIT } from './list-runs.query.js';
import { RUN_REPORT_READER, type RunReportReader } from '../read-side/run-report-reader.port.js';

@QueryHandler(ListRunsQuery)
export class ListRunsHandler implements IQueryHandler<ListRunsQuery> {
  constructor(@Inject(RUN_REPORT_READER) private readonly runs: RunReportReader) {}

  execute({ limit }: ListRunsQuery): Promise<RunReport[]> {
    return this.runs.latest(requireIntegerIn(limit ?? DEFAULT_RUNS_LIMIT, 1, MAX_RUNS_LIMIT, 'limit'));
  }
}
