// The report's figures from the read side: four set-based queries, each recorded as run.
import type pg from 'pg';
import type { CohortFigures, ReportQuery, StepRank } from '../../application/reports/report.js';
import type { ComputedFigures, FiguresRequest, ReportFigures } from '../../application/reports/report-figures.port.js';
import { COHORTS_SQL, DAILY_SQL, TOP_STEPS_SQL, TOP_TEMPLATES_SQL } from './report-sql.js';

type FiguresRow = CohortFigures & { key: string };
type StepRow = StepRank & { position: number | null };

const figuresOf = ({ key: _key, ...figures }: FiguresRow): CohortFigures => figures;

export class SqlReportFigures implements ReportFigures {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async compute({ period, cohorts, top, minSends }: FiguresRequest): Promise<ComputedFigures> {
    const sql: ReportQuery[] = [];
    const run = async <R extends pg.QueryResultRow>(figure: string, text: string, params: unknown[]): Promise<R[]> => {
      sql.push({ figure, sql: text, params });
      return (await this.db.query<R>(text, params)).rows;
    };
    const range = [period.start, period.end];
    const cohortRows = await run<FiguresRow>('summary, previous and trends (a cohort per period)', COHORTS_SQL, [
      cohorts.map((p) => p.label),
      cohorts.map((p) => p.start),
      cohorts.map((p) => p.end),
    ]);
    const daily = await run<FiguresRow>('daily', DAILY_SQL, range);
    const templates = await run<FiguresRow>('top_templates', TOP_TEMPLATES_SQL, [...range, top]);
    const steps = await run<StepRow>('top_steps and steps_too_few_sends', TOP_STEPS_SQL, [...range, minSends, top]);
    const stepOf = ({ position: _position, ...step }: StepRow): StepRank => step;
    return {
      cohorts: new Map(cohortRows.map((row) => [row.key, figuresOf(row)])),
      daily: daily.map((row) => ({ date: row.key, ...figuresOf(row) })),
      topTemplates: templates.map((row) => ({ sequence_name: row.key, ...figuresOf(row) })),
      topSteps: steps.filter((s) => s.position !== null).map(stepOf),
      stepsTooFewSends: steps.filter((s) => s.position === null).map(stepOf),
      sql,
    };
  }
}
