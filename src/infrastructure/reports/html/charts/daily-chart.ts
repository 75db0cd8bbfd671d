// Day by day: the sequences started (bars) and the leads of that day's cohort qualified (line).
// The option is the report's and the dashboard's (which draws it in the browser).
import type { DailyRow, ReportPeriod } from '../../../../application/reports/report.js';
import { chartValue } from '../format-figures.js';
import type { ChartOption } from '../render-chart-svg.js';
import { CHART_WIDTH, drawnChart, emptyChart, LEGEND, PALETTE, type ReportChart } from './report-chart.js';

const TITLE = 'Day by day: started and qualified';
const CAPTION = 'Sequences started each UTC day (bars) and, of those, the leads qualified (line, diamonds).';
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface DailyPoint {
  label: string;
  started: number;
  qualified: number;
}

export interface DailySeriesNames {
  started: string;
  qualified: string;
}

const REPORT_SERIES: DailySeriesNames = { started: 'Sequences started', qualified: 'Leads qualified' };

/** `fontSize` of the day labels; `everyLabel` writes every day (else ECharts skips to fit). */
export function dailyChartOption(points: DailyPoint[], names: DailySeriesNames, axis: { fontSize: number; everyLabel: boolean }): ChartOption {
  return {
    legend: { ...LEGEND, data: [names.started, names.qualified] },
    grid: { left: 50, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { ...(axis.everyLabel ? { interval: 0 } : {}), fontSize: axis.fontSize } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: names.started, type: 'bar', barMaxWidth: 36, itemStyle: { color: PALETTE.blue }, data: points.map((p) => chartValue(p.started)) },
      {
        name: names.qualified, type: 'line', symbol: 'diamond', symbolSize: 9,
        itemStyle: { color: PALETTE.orange }, lineStyle: { width: 2.5, color: PALETTE.orange },
        data: points.map((p) => chartValue(p.qualified)),
      },
    ],
  };
}

const dayLabel = (date: string, kind: ReportPeriod['kind']): string =>
  kind === 'weekly' ? `${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]} ${date.slice(5)}` : date.slice(8);

export function dailyChart(daily: DailyRow[], period: ReportPeriod): ReportChart {
  if (daily.length === 0) return emptyChart('daily', TITLE, CAPTION, 'No days in this period.');
  const points = daily.map((d) => ({ label: dayLabel(d.date, period.kind), started: d.total_sequences_started, qualified: d.leads_qualified }));
  const option = dailyChartOption(points, REPORT_SERIES, { fontSize: period.kind === 'weekly' ? 12 : 10, everyLabel: true });
  return drawnChart('daily', TITLE, CAPTION, option, { width: CHART_WIDTH, height: 280 });
}
