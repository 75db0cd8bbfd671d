// Generating a report: the figures of the period (and of the previous one and, monthly, of the
// trend's months) from the read side, its files, and storing both.
import { type Period, previousPeriod } from '../../domain/reports/report-period.js';
import { defaultRunParameters } from '../pipeline/run-parameters.js';
import { headlinesOf } from './headlines.js';
import type { Report } from './report.js';
import { reportDefinitions } from './report-definitions.js';
import type { ReportFigures, ReportFileRenderer } from './report-figures.port.js';
import type { ReportGenerator, ReportStore, StoredReport } from './report-ports.js';

const TOP = 5;
const TREND_MONTHS = 6;

export const reportIdOf = (period: Period): string => `${period.kind}-${period.label}`;

/** The period and the `count - 1` before it, oldest first. */
function periodsUpTo(period: Period, count: number): Period[] {
  const periods = [period];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]!));
  return periods;
}

export class GenerateReport implements ReportGenerator {
  constructor(
    private readonly figures: ReportFigures,
    private readonly renderer: ReportFileRenderer,
    private readonly store: ReportStore,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  async generate(period: Period, options: { minSends?: number; now?: string } = {}): Promise<StoredReport> {
    const minSends = options.minSends ?? defaultRunParameters().report_min_sends;
    const generatedAt = options.now ?? this.clock();
    const cohorts = periodsUpTo(period, period.kind === 'monthly' ? TREND_MONTHS : 2);
    const previous = cohorts[cohorts.length - 2]!;
    const computed = await this.figures.compute({ period, cohorts, top: TOP, minSends });
    const figuresOf = (p: Period) => computed.cohorts.get(p.label)!;
    const current = figuresOf(period);
    const report: Report = {
      id: reportIdOf(period),
      period,
      generated_at: generatedAt,
      summary: { ...current, previous: figuresOf(previous), headlines: headlinesOf(current, figuresOf(previous)) },
      daily: computed.daily,
      top_templates: computed.topTemplates,
      top_steps: computed.topSteps,
      steps_too_few_sends: computed.stepsTooFewSends,
      min_sends: minSends,
      trends: period.kind === 'monthly' ? cohorts.map((p) => ({ label: p.label, ...figuresOf(p) })) : [],
      definitions: reportDefinitions(minSends),
      sql: computed.sql,
    };
    const stored: StoredReport = { report, files: this.renderer.render(report) };
    await this.store.save(stored);
    return stored;
  }
}
