// The top templates by conversion rate, as ranked by the report (the ranking is the report's, not redone here).
import type { TemplateRank } from '../../../../application/reports/report.js';
import { formatCount, formatPct } from '../format-figures.js';
import { CHART_WIDTH, drawnChart, emptyChart, PALETTE, type ReportChart } from './report-chart.js';
import { rankingBarsOption, rankingHeight } from './ranking-bars.js';

const TITLE = 'Top templates by conversion rate';
const CAPTION = 'Leads qualified ÷ sequences started of the template, in the period’s cohort (qualified / started beside each bar).';

export function topTemplatesChart(templates: TemplateRank[]): ReportChart {
  if (templates.length === 0) return emptyChart('top-templates', TITLE, CAPTION, 'No template started a sequence in this period.');
  const bars = templates.map((t) => ({
    name: t.sequence_name,
    value: t.conversion_rate_pct,
    label: `${formatPct(t.conversion_rate_pct)} (${formatCount(t.leads_qualified)}/${formatCount(t.total_sequences_started)})`,
  }));
  return drawnChart('top-templates', TITLE, CAPTION, rankingBarsOption(bars, PALETTE.orange), { width: CHART_WIDTH, height: rankingHeight(bars.length) });
}
