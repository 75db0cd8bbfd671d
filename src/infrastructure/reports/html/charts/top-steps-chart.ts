// The top steps by reply rate among those with enough sends, as ranked by the report.
import type { StepRank } from '../../../../application/reports/report.js';
import { formatCount, formatPct } from '../format-figures.js';
import { CHART_WIDTH, drawnChart, emptyChart, PALETTE, type ReportChart } from './report-chart.js';
import { rankingBarsOption, rankingHeight } from './ranking-bars.js';

const TITLE = 'Top steps by reply rate';
const CAPTION = 'Emails replied ÷ emails sent of the step, over the emails sent in the period (replied / sent beside each bar).';

export function topStepsChart(steps: StepRank[], minSends: number): ReportChart {
  if (steps.length === 0) {
    return emptyChart('top-steps', TITLE, CAPTION, `No step had ${formatCount(minSends)} or more emails sent in this period: none is ranked.`);
  }
  const bars = steps.map((s) => ({
    name: `Step ${s.step_number} · ${s.sequence_name}`,
    value: s.reply_rate_pct,
    label: `${formatPct(s.reply_rate_pct)} (${formatCount(s.emails_replied)}/${formatCount(s.emails_sent)})`,
  }));
  return drawnChart('top-steps', TITLE, CAPTION, rankingBarsOption(bars, PALETTE.green), { width: CHART_WIDTH, height: rankingHeight(bars.length) });
}
