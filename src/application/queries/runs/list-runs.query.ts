import { Query } from '@nestjs/cqrs';
import type { RunReport } from '../../pipeline/run-report.js';

export const DEFAULT_RUNS_LIMIT = 20;
export const MAX_RUNS_LIMIT = 500;

/** The reports of the latest pipeline runs, newest first. */
export class ListRunsQuery extends Query<RunReport[]> {
  constructor(readonly limit?: number) {
    super();
  }
}
