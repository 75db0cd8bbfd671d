import type pg from 'pg';
import type { RunReportStore } from '../../application/ports/run-report-store.js';
import type { RunReport } from '../../application/pipeline/run-report.js';

export class SqlRunReportStore implements RunReportStore {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async save(r: RunReport): Promise<void> {
    await this.db.query(
      `INSERT INTO lead_nurturing_runs (run_id, as_of, started_at, finished_at, status, dry_run, parameters, steps, warnings)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb)
       ON CONFLICT (run_id) DO UPDATE SET finished_at = EXCLUDED.finished_at, status = EXCLUDED.status, steps = EXCLUDED.steps,
                                          warnings = EXCLUDED.warnings`,
      [r.runId, r.now, r.startedAt, r.finishedAt, r.status, r.dryRun, JSON.stringify(r.parameters), JSON.stringify(r.steps), JSON.stringify(r.warnings)],
    );
  }
}
