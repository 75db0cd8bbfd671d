import { Query } from '@nestjs/cqrs';
import type { RunReport } from '../../pipeline/run-report.js';

/** The stored report of one pipeline run. */
export class GetRunQuery extends Query<RunReport> {
  constructor(readonly runId: string) {
    super();
  }
}
