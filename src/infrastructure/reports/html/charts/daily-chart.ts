// Day by day: the sequences started (bars) and the leads of that day's cohort qualified (line).
import type { DailyRow, ReportPeriod } from '../../../../application/reports/report.js';
import { chartValue } from '../format-figures.js';
import { CHART_WIDTH, drawnChart, emptyChart, LEGEND, PALETTE, type ReportChart } from './report-chart.js';

const TITLE = 'Day by day: started and qualified';
const CAPTION = 'Sequences started each UTC day (bars) and, of those, the leads qualified (line, diamonds).';
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const dayLabel = (date: string, kind: ReportPeriod['kind']): string =>
  kind === 'weekly' ? `${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]} ${date.slice(5)}` : date.slice(8);

export function dailyChart(daily: DailyRow[], period: ReportPeriod): ReportChart {
  if (daily.length === 0) return emptyChart('daily', TITLE, CAPTION, 'No days in this period.');
  return drawnChart('daily', TITLE, CAPTION, {
    legend: { ...LEGEND, data: ['Sequences started', 'Leads qualified'] },
    grid: { left: 50, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: daily.map((d) => dayLabel(d.date, period.kind)), axisLabel: { interval: 0, fontSize: period.kind === 'weekly' ? 12 : 10 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Sequences started', type: 'bar', barMaxWidth: 36, itemStyle: { color: PALETTE.blue }, data: daily.map((d) => chartValue(d.total_sequences_started)) },
      {
        name: 'Leads qualified', type: 'line', symbol: 'diamond', symbolSize: 9,
        itemStyle: { color: PALETTE.orange }, lineStyle: { width: 2.5, color: PALETTE.orange },
        data: daily.map((d) => chartValue(d.leads_qualified)),
      },
    ],
  }, { width: CHART_WIDTH, height: 280 });
}
