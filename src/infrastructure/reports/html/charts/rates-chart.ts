// The cohort's rates this period beside the previous period's, as grouped bars with their values.
import type { ReportSummary } from '../../../../application/reports/report.js';
import { chartValue, formatPct } from '../format-figures.js';
import { CHART_WIDTH, drawnChart, emptyChart, LEGEND, NO_SEQUENCES, PALETTE, type ReportChart } from './report-chart.js';

const TITLE = 'Rates: this period and the previous one';
const CAPTION = 'Conversion is of sequences started; reply, click and open are of emails sent. Opens are shown, never rank.';

const RATES = [
  { key: 'conversion_rate_pct', name: 'Conversion\n(of started)' },
  { key: 'reply_rate_pct', name: 'Reply\n(of sent)' },
  { key: 'click_rate_pct', name: 'Click\n(of sent)' },
  { key: 'open_rate_pct', name: 'Open (of sent)\nnever ranks' },
] as const;

export function ratesChart(summary: ReportSummary, labels: { current: string; previous: string }): ReportChart {
  const nothing = (f: { total_sequences_started: number; emails_sent: number }) => f.total_sequences_started === 0 && f.emails_sent === 0;
  if (nothing(summary) && nothing(summary.previous)) return emptyChart('rates', TITLE, CAPTION, NO_SEQUENCES);
  const bars = (figures: ReportSummary['previous']) => RATES.map((r) => chartValue(figures[r.key]));
  const label = { show: true, position: 'top' as const, fontSize: 11, formatter: (p: { value: unknown }) => formatPct(Number(p.value)) };
  return drawnChart('rates', TITLE, CAPTION, {
    legend: { ...LEGEND, data: [`This period (${labels.current})`, `Previous (${labels.previous})`] },
    grid: { left: 50, right: 20, top: 36, bottom: 44 },
    xAxis: { type: 'category', data: RATES.map((r) => r.name), axisLabel: { interval: 0, lineHeight: 15 } },
    yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
    series: [
      { name: `This period (${labels.current})`, type: 'bar', barGap: '10%', barMaxWidth: 48, itemStyle: { color: PALETTE.blue }, label, data: bars(summary) },
      // The previous period is lighter and outlined, so the two differ without colour.
      {
        name: `Previous (${labels.previous})`, type: 'bar', barMaxWidth: 48,
        itemStyle: { color: '#CFE3F1', borderColor: PALETTE.blue, borderWidth: 1, borderType: 'dashed' },
        label: { ...label, color: PALETTE.muted }, data: bars(summary.previous),
      },
    ],
  }, { width: CHART_WIDTH, height: 300 });
}
