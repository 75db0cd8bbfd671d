// The top templates by conversion rate, as ranked by the report (the ranking is the report's, not
// redone here). The bars are the report's and the dashboard's.
import type { TemplateRank } from '../../../../application/reports/report.js';
import { type FigureFormat, REPORT_FORMAT } from '../format-figures.js';
import { CHART_WIDTH, drawnChart, emptyChart, PALETTE, type ReportChart } from './report-chart.js';
import { type RankedBar, rankingBarsOption, rankingHeight } from './ranking-bars.js';

const TITLE = 'Top templates by conversion rate';
const CAPTION = 'Leads qualified ÷ sequences started of the template, in the period’s cohort (qualified / started beside each bar).';

export const TOP_TEMPLATES_COLOR = PALETTE.orange;

export const topTemplateBars = (templates: TemplateRank[], format: FigureFormat = REPORT_FORMAT): RankedBar[] =>
  templates.map((t) => ({
    name: t.sequence_name,
    value: t.conversion_rate_pct,
    label: `${format.pct(t.conversion_rate_pct)} (${format.count(t.leads_qualified)}/${format.count(t.total_sequences_started)})`,
  }));

export function topTemplatesChart(templates: TemplateRank[]): ReportChart {
  if (templates.length === 0) return emptyChart('top-templates', TITLE, CAPTION, 'No template started a sequence in this period.');
  const bars = topTemplateBars(templates);
  return drawnChart('top-templates', TITLE, CAPTION, rankingBarsOption(bars, TOP_TEMPLATES_COLOR), { width: CHART_WIDTH, height: rankingHeight(bars.length) });
}
