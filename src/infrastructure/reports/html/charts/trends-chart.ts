// Monthly reports: the last six months, started and qualified (bars, left axis) and the two ranking
// rates (lines, right axis, told apart by marker shape as well as colour).
import type { TrendRow } from '../../../../application/reports/report.js';
import { chartValue } from '../format-figures.js';
import { CHART_WIDTH, drawnChart, emptyChart, LEGEND, PALETTE, type ReportChart } from './report-chart.js';

const TITLE = 'Month over month: the last six months';
const CAPTION = 'Each month’s cohort: sequences started and leads qualified (bars), conversion rate (of started) and reply rate (of sent) (lines).';

export function trendsChart(trends: TrendRow[]): ReportChart {
  if (trends.length === 0) return emptyChart('trends', TITLE, CAPTION, 'No months to compare.');
  const line = (name: string, color: string, symbol: string, values: number[]) => ({
    name, type: 'line' as const, yAxisIndex: 1, symbol, symbolSize: 9,
    itemStyle: { color }, lineStyle: { width: 2.5, color }, data: values,
  });
  return drawnChart('trends', TITLE, CAPTION, {
    legend: { ...LEGEND, data: ['Sequences started', 'Leads qualified', 'Conversion rate %', 'Reply rate %'] },
    grid: { left: 55, right: 55, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: trends.map((t) => t.label) },
    yAxis: [
      { type: 'value', minInterval: 1, name: 'sequences', nameTextStyle: { color: PALETTE.muted } },
      { type: 'value', name: '%', axisLabel: { formatter: '{value} %' }, splitLine: { show: false }, nameTextStyle: { color: PALETTE.muted } },
    ],
    series: [
      { name: 'Sequences started', type: 'bar', barMaxWidth: 28, itemStyle: { color: PALETTE.blue }, data: trends.map((t) => chartValue(t.total_sequences_started)) },
      { name: 'Leads qualified', type: 'bar', barMaxWidth: 28, itemStyle: { color: PALETTE.orange }, data: trends.map((t) => chartValue(t.leads_qualified)) },
      line('Conversion rate %', PALETTE.green, 'circle', trends.map((t) => chartValue(t.conversion_rate_pct))),
      line('Reply rate %', PALETTE.vermillion, 'triangle', trends.map((t) => chartValue(t.reply_rate_pct))),
    ],
  }, { width: CHART_WIDTH, height: 300 });
}
