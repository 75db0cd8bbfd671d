import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../../domain/shared/errors.js';
import type { RunReport } from '../../pipeline/run-report.js';
import { GetRunQuery } from './get-run.query.js';
import { RUN_REPORT_READER, type RunReportReader } from '../read-side/run-report-reader.port.js';

@QueryHandler(GetRunQuery)
export class GetRunHandler implements IQueryHandler<GetRunQuery> {
  constructor(@Inject(RUN_REPORT_READER) private readonly runs: RunReportReader) {}

  async execute({ runId }: GetRunQuery): Promise<RunReport> {
    const report = await this.runs.find(runId);
    if (report === null) throw new NotFoundError(`run ${JSON.stringify(runId)} not found`);
    return report;
  }
}
