// A report as one self-contained HTML page: inline CSS, charts as inline SVG rendered here, no script
// and nothing fetched from anywhere, so it opens offline, mails as an attachment and prints on A4.
import type { Report } from '../../../application/reports/report.js';
import { chartFigure } from './chart-figure.js';
import { dailyChart } from './charts/daily-chart.js';
import { funnelChart } from './charts/funnel-chart.js';
import { ratesChart } from './charts/rates-chart.js';
import { topStepsChart } from './charts/top-steps-chart.js';
import { topTemplatesChart } from './charts/top-templates-chart.js';
import { trendsChart } from './charts/trends-chart.js';
import { escapeHtml } from './escape-html.js';
import { formatCount } from './format-figures.js';
import { headlinesSection } from './headlines-section.js';
import { periodDays, periodTitle, previousLabel } from './period-heading.js';
import { definitionsList, sqlAppendix } from './reference-sections.js';
import { REPORT_CSS } from './report-styles.js';
import { dailyTable, stepsTable, templatesTable, tooFewSendsTable, trendsTable } from './report-tables.js';

const section = (id: string, title: string, body: string): string =>
  `<section class="report-section" id="${id}">\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;

export function renderReportHtml(report: Report): string {
  const { period, summary } = report;
  const previous = previousLabel(period);
  const title = periodTitle(period);
  const noCohort = summary.total_sequences_started === 0
    ? '<p class="note">No sequences started in this period: every figure of its cohort is zero.</p>' : '';
  const sections = [
    section('overview', 'Overview', [
      noCohort,
      chartFigure(funnelChart(summary)),
      chartFigure(ratesChart(summary, { current: period.label, previous })),
    ].join('\n')),
    section('daily', 'Day by day', [chartFigure(dailyChart(report.daily, period)), dailyTable(report.daily)].join('\n')),
    section('rankings', 'Templates and steps', [
      chartFigure(topTemplatesChart(report.top_templates)),
      templatesTable(report.top_templates),
      chartFigure(topStepsChart(report.top_steps, report.min_sends)),
      stepsTable(report.top_steps, report.min_sends),
      `<h3>Too few sends to rank (fewer than ${formatCount(report.min_sends)})</h3>`,
      tooFewSendsTable(report.steps_too_few_sends, report.min_sends),
    ].join('\n')),
    ...(period.kind === 'monthly'
      ? [section('trends', 'Month over month', [chartFigure(trendsChart(report.trends)), trendsTable(report.trends)].join('\n'))]
      : []),
    section('definitions', 'Definitions', definitionsList(report.definitions)),
    section('sql', 'Appendix: the SQL of every figure', sqlAppendix(report.sql)),
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${title} · lead nurturing`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="period">${escapeHtml(periodDays(period))} · compared with ${escapeHtml(previous)} · generated ${escapeHtml(report.generated_at)} · report ${escapeHtml(report.id)}</p>
${headlinesSection(summary.headlines, previous)}
</header>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
