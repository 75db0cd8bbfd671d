// The read side's figures a report is made of, each computed by SQL the report prints.
import type { Period } from '../../domain/reports/report-period.js';
import type { CohortFigures, DailyRow, Report, ReportQuery, StepRank, TemplateRank } from './report.js';
import type { ReportFile } from './report-ports.js';

export interface FiguresRequest {
  period: Period;
  /** The periods whose cohorts are summed up (the period, the previous one, the trend's), oldest first. */
  cohorts: Period[];
  /** Top templates and top steps listed. */
  top: number;
  minSends: number;
}

export interface ComputedFigures {
  /** Per period label of `cohorts`. */
  cohorts: Map<string, CohortFigures>;
  daily: DailyRow[];
  topTemplates: TemplateRank[];
  topSteps: StepRank[];
  stepsTooFewSends: StepRank[];
  /** The SQL run, as run. */
  sql: ReportQuery[];
}

/** The rankings of a time range, by the report's definitions (the dashboard's window). */
export interface RankingsRequest {
  start: string;
  end: string;
  top: number;
  minSends: number;
}

export type Rankings = Pick<ComputedFigures, 'topTemplates' | 'topSteps' | 'stepsTooFewSends'>;

export interface ReportFigures {
  compute(request: FiguresRequest): Promise<ComputedFigures>;
  /** Top templates and steps of [start, end): the report's two ranking queries alone. */
  rankings(request: RankingsRequest): Promise<Rankings>;
}

/** Renders a report's files (CSV, JSON, HTML). */
export interface ReportFileRenderer {
  render(report: Report): ReportFile[];
}
