// The period's funnel, in the order a lead goes through it. Opens are drawn in grey and labelled as
// not ranking: machine opens (image prefetch) inflate them.
import type { ReportSummary } from '../../../../application/reports/report.js';
import { chartValue, formatCount, formatPct } from '../format-figures.js';
import { CHART_WIDTH, drawnChart, emptyChart, NO_SEQUENCES, PALETTE, type ReportChart } from './report-chart.js';

const TITLE = 'Funnel of the period’s cohort';
const CAPTION = 'Sequences started in the period, their emails sent, opened, clicked and replied, and the leads qualified. '
  + 'Email steps are shown as a share of emails sent; leads qualified as a share of sequences started.';

export function funnelChart(summary: ReportSummary): ReportChart {
  if (summary.total_sequences_started === 0 && summary.emails_sent === 0) return emptyChart('funnel', TITLE, CAPTION, NO_SEQUENCES);
  const sent = summary.emails_sent;
  const ofSent = (n: number) => `${formatCount(n)} (${formatPct(sent > 0 ? (100 * n) / sent : 0)} of sent)`;
  const stages = [
    { name: 'Sequences started', value: summary.total_sequences_started, label: formatCount(summary.total_sequences_started), color: PALETTE.blue },
    { name: 'Emails sent', value: sent, label: formatCount(sent), color: PALETTE.blue },
    { name: 'Opened (never ranks)', value: summary.emails_opened, label: `${ofSent(summary.emails_opened)} · not ranking`, color: PALETTE.grey },
    { name: 'Clicked', value: summary.emails_clicked, label: ofSent(summary.emails_clicked), color: PALETTE.sky },
    { name: 'Replied', value: summary.emails_replied, label: ofSent(summary.emails_replied), color: PALETTE.green },
    { name: 'Leads qualified', value: summary.leads_qualified, label: `${formatCount(summary.leads_qualified)} (${formatPct(summary.conversion_rate_pct)} of started)`, color: PALETTE.orange },
  ];
  return drawnChart('funnel', TITLE, CAPTION, {
    grid: { left: 150, right: 210, top: 10, bottom: 30 },
    xAxis: { type: 'value', axisLabel: { color: PALETTE.muted } },
    yAxis: { type: 'category', inverse: true, data: stages.map((s) => s.name), axisLabel: { color: PALETTE.ink, fontSize: 12 } },
    series: [{
      type: 'bar',
      barMaxWidth: 28,
      data: stages.map((s) => ({
        value: chartValue(s.value),
        itemStyle: { color: s.color },
        label: { show: true, position: 'right', formatter: s.label, color: PALETTE.ink },
      })),
    }],
  }, { width: CHART_WIDTH, height: 260 });
}
