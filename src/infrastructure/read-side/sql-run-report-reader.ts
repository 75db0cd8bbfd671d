import type pg from 'pg';
import type { RunReport } from '../../application/pipeline/run-report.js';
import type { RunReportReader } from '../../application/queries/read-side/run-report-reader.port.js';

interface RunRow {
  run_id: string;
  as_of: Date;
  started_at: Date;
  finished_at: Date;
  status: RunReport['status'];
  dry_run: boolean;
  parameters: Record<string, unknown>;
  steps: RunReport['steps'];
  warnings: string[];
}

const toReport = (r: RunRow): RunReport => ({
  runId: r.run_id,
  now: r.as_of.toISOString(),
  startedAt: r.started_at.toISOString(),
  finishedAt: r.finished_at.toISOString(),
  dryRun: r.dry_run,
  status: r.status,
  parameters: r.parameters,
  steps: r.steps,
  warnings: r.warnings,
});

export class SqlRunReportReader implements RunReportReader {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async latest(limit: number): Promise<RunReport[]> {
    const { rows } = await this.db.query<RunRow>('SELECT * FROM lead_nurturing_runs ORDER BY started_at DESC, run_id DESC LIMIT $1', [limit]);
    return rows.map(toReport);
  }

  async find(runId: string): Promise<RunReport | null> {
    const { rows } = await this.db.query<RunRow>('SELECT * FROM lead_nurturing_runs WHERE run_id = $1', [runId]);
    return rows[0] ? toReport(rows[0]) : null;
  }
}
