// The top steps by reply rate among those with enough sends, as ranked by the report. The bars are
// the report's and the dashboard's.
import type { StepRank } from '../../../../application/reports/report.js';
import { type FigureFormat, formatCount, REPORT_FORMAT } from '../format-figures.js';
import { CHART_WIDTH, drawnChart, emptyChart, PALETTE, type ReportChart } from './report-chart.js';
import { type RankedBar, rankingBarsOption, rankingHeight } from './ranking-bars.js';

const TITLE = 'Top steps by reply rate';
const CAPTION = 'Emails replied ÷ emails sent of the step, over the emails sent in the period (replied / sent beside each bar).';

export const TOP_STEPS_COLOR = PALETTE.green;

export const topStepBars = (steps: StepRank[], format: FigureFormat = REPORT_FORMAT, stepWord = 'Step'): RankedBar[] =>
  steps.map((s) => ({
    name: `${stepWord} ${s.step_number} · ${s.sequence_name}`,
    value: s.reply_rate_pct,
    label: `${format.pct(s.reply_rate_pct)} (${format.count(s.emails_replied)}/${format.count(s.emails_sent)})`,
  }));

export function topStepsChart(steps: StepRank[], minSends: number): ReportChart {
  if (steps.length === 0) {
    return emptyChart('top-steps', TITLE, CAPTION, `No step had ${formatCount(minSends)} or more emails sent in this period: none is ranked.`);
  }
  const bars = topStepBars(steps);
  return drawnChart('top-steps', TITLE, CAPTION, rankingBarsOption(bars, TOP_STEPS_COLOR), { width: CHART_WIDTH, height: rankingHeight(bars.length) });
}
