// A report's files: weekly → <id>.csv (daily rows), .json, .html; monthly → <id>.csv (the month
// beside the previous one), -top-templates.csv, -top-steps.csv, -trends.csv, .json, .html.
import type { CohortFigures, Report } from '../../application/reports/report.js';
import type { ReportFileRenderer } from '../../application/reports/report-figures.port.js';
import type { ReportFile } from '../../application/reports/report-ports.js';
import { type CsvValue, toCsv } from './csv.js';
import { renderReportHtml } from './html/render-report-html.js';

const CSV = 'text/csv; charset=utf-8';

/** The metrics view's columns first, then the raw counts it lacks. */
export const FIGURE_COLUMNS: (keyof CohortFigures)[] = [
  'total_sequences_started', 'leads_qualified', 'conversion_rate_pct', 'emails_sent', 'open_rate_pct', 'click_rate_pct',
  'reply_rate_pct', 'avg_days_to_qualify', 'emails_delivered', 'emails_bounced', 'emails_opened', 'emails_clicked', 'emails_replied',
];

const figureCells = (f: CohortFigures): CsvValue[] => FIGURE_COLUMNS.map((c) => f[c]);
const change = (value: number | null, previous: number | null): number | null =>
  value === null || previous === null ? null : Math.round((value - previous) * 100) / 100;

const dailyCsv = (r: Report) => toCsv(['date', ...FIGURE_COLUMNS], r.daily.map((d) => [d.date, ...figureCells(d)]));

const summaryCsv = (r: Report) =>
  toCsv(
    ['figure', r.period.label, previousLabelOf(r), 'change'],
    FIGURE_COLUMNS.map((c) => [c, r.summary[c], r.summary.previous[c], change(r.summary[c], r.summary.previous[c])]),
  );

const previousLabelOf = (r: Report): string => r.trends.at(-2)?.label ?? 'previous';

const templatesCsv = (r: Report) =>
  toCsv(['rank', 'sequence_name', ...FIGURE_COLUMNS], r.top_templates.map((t, i) => [i + 1, t.sequence_name, ...figureCells(t)]));

const STEP_COLUMNS = ['sequence_name', 'step_number', 'emails_sent', 'emails_opened', 'emails_clicked', 'emails_replied', 'reply_rate_pct'] as const;
const stepsCsv = (r: Report) =>
  toCsv(['rank', ...STEP_COLUMNS], [
    ...r.top_steps.map((s, i) => [i + 1, ...STEP_COLUMNS.map((c) => s[c])]),
    // Too few sends to rank: listed with an empty rank.
    ...r.steps_too_few_sends.map((s) => [null, ...STEP_COLUMNS.map((c) => s[c])]),
  ]);

const trendsCsv = (r: Report) => toCsv(['month', ...FIGURE_COLUMNS], r.trends.map((t) => [t.label, ...figureCells(t)]));

export const reportFileRenderer: ReportFileRenderer = {
  render(report: Report): ReportFile[] {
    const id = report.id;
    const csv = (suffix: string, body: string): ReportFile => ({ name: `${id}${suffix}.csv`, contentType: CSV, body });
    const tables = report.period.kind === 'weekly'
      ? [csv('', dailyCsv(report))]
      : [csv('', summaryCsv(report)), csv('-top-templates', templatesCsv(report)), csv('-top-steps', stepsCsv(report)), csv('-trends', trendsCsv(report))];
    return [
      ...tables,
      { name: `${id}.json`, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(report, null, 2)}\n` },
      { name: `${id}.html`, contentType: 'text/html; charset=utf-8', body: renderReportHtml(report) },
    ];
  },
};
