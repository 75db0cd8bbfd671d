// The report's figures from the read side: four set-based queries, each recorded as run.
import type pg from 'pg';
import type { CohortFigures, ReportQuery, StepRank } from '../../application/reports/report.js';
import type { ComputedFigures, FiguresRequest, Rankings, RankingsRequest, ReportFigures } from '../../application/reports/report-figures.port.js';
import { COHORTS_SQL, DAILY_SQL, TOP_STEPS_SQL, TOP_TEMPLATES_SQL } from './report-sql.js';

type FiguresRow = CohortFigures & { key: string };
type StepRow = StepRank & { position: number | null };

const figuresOf = ({ key: _key, ...figures }: FiguresRow): CohortFigures => figures;
const stepOf = ({ position: _position, ...step }: StepRow): StepRank => step;

/** The two ranking queries of [start, end), as the report prints them. */
const rankingQueries = ({ start, end, top, minSends }: RankingsRequest): [ReportQuery, ReportQuery] => [
  { figure: 'top_templates', sql: TOP_TEMPLATES_SQL, params: [start, end, top] },
  { figure: 'top_steps and steps_too_few_sends', sql: TOP_STEPS_SQL, params: [start, end, minSends, top] },
];

const rankingsOf = (templates: FiguresRow[], steps: StepRow[]): Rankings => ({
  topTemplates: templates.map((row) => ({ sequence_name: row.key, ...figuresOf(row) })),
  topSteps: steps.filter((s) => s.position !== null).map(stepOf),
  stepsTooFewSends: steps.filter((s) => s.position === null).map(stepOf),
});

export class SqlReportFigures implements ReportFigures {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async compute({ period, cohorts, top, minSends }: FiguresRequest): Promise<ComputedFigures> {
    const queries: ReportQuery[] = [
      { figure: 'summary, previous and trends (a cohort per period)', sql: COHORTS_SQL, params: [cohorts.map((p) => p.label), cohorts.map((p) => p.start), cohorts.map((p) => p.end)] },
      { figure: 'daily', sql: DAILY_SQL, params: [period.start, period.end] },
      ...rankingQueries({ start: period.start, end: period.end, top, minSends }),
    ];
    // Independent reads: on a server they run side by side on the pool's connections (one scan of
    // the cohort's emails each); the embedded database's single session takes them in turn.
    const [cohortRows, daily, templates, steps] = (await Promise.all(queries.map((q) => this.db.query(q.sql, q.params)))).map((r) => r.rows) as [
      FiguresRow[],
      FiguresRow[],
      FiguresRow[],
      StepRow[],
    ];
    return {
      cohorts: new Map(cohortRows.map((row) => [row.key, figuresOf(row)])),
      daily: daily.map((row) => ({ date: row.key, ...figuresOf(row) })),
      ...rankingsOf(templates, steps),
      sql: queries,
    };
  }

  async rankings(request: RankingsRequest): Promise<Rankings> {
    const [templates, steps] = (await Promise.all(rankingQueries(request).map((q) => this.db.query(q.sql, q.params)))).map((r) => r.rows) as [FiguresRow[], StepRow[]];
    return rankingsOf(templates, steps);
  }
}
