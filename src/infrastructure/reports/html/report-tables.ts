// The report's tables: what each column holds, in the report's own order (no re-ranking here).
import type { CohortFigures, DailyRow, StepRank, TemplateRank, TrendRow } from '../../../application/reports/report.js';
import { formatCount, formatDays, formatPct } from './format-figures.js';
import { type Column, htmlTable } from './html-table.js';

/** The footnote of the columns marked †. */
export const OPENS_FOOTNOTE = '† Opens are shown but never rank anything: machine opens (image prefetching) inflate them.';

const cohortColumns = <Row extends CohortFigures>(): Column<Row>[] => [
  { header: 'Started', cell: (r) => formatCount(r.total_sequences_started) },
  { header: 'Qualified', cell: (r) => formatCount(r.leads_qualified) },
  { header: 'Conv. % of started', cell: (r) => formatPct(r.conversion_rate_pct) },
  { header: 'Sent', cell: (r) => formatCount(r.emails_sent) },
  { header: 'Delivered', cell: (r) => formatCount(r.emails_delivered) },
  { header: 'Bounced', cell: (r) => formatCount(r.emails_bounced) },
  { header: 'Opened†', cell: (r) => formatCount(r.emails_opened) },
  { header: 'Clicked', cell: (r) => formatCount(r.emails_clicked) },
  { header: 'Replied', cell: (r) => formatCount(r.emails_replied) },
  { header: 'Open %†', cell: (r) => formatPct(r.open_rate_pct) },
  { header: 'Click %', cell: (r) => formatPct(r.click_rate_pct) },
  { header: 'Reply % of sent', cell: (r) => formatPct(r.reply_rate_pct) },
  { header: 'Avg days to qualify', cell: (r) => formatDays(r.avg_days_to_qualify) },
];

const rank = <Row>(): Column<Row> => ({ header: '#', cell: (_r, i) => String(i + 1) });

export const dailyTable = (rows: DailyRow[]): string =>
  htmlTable<DailyRow>([{ header: 'Day (UTC)', cell: (r) => r.date, kind: 'label' }, ...cohortColumns<DailyRow>()], rows, 'No days in this period.', OPENS_FOOTNOTE);

export const trendsTable = (rows: TrendRow[]): string =>
  htmlTable<TrendRow>([{ header: 'Month', cell: (r) => r.label, kind: 'label' }, ...cohortColumns<TrendRow>()], rows, 'No months to compare.', OPENS_FOOTNOTE);

export const templatesTable = (rows: TemplateRank[]): string =>
  htmlTable<TemplateRank>([rank(), { header: 'Template', cell: (r) => r.sequence_name, kind: 'text' }, ...cohortColumns<TemplateRank>()],
    rows, 'No template started a sequence in this period.', OPENS_FOOTNOTE);

const stepColumns: Column<StepRank>[] = [
  { header: 'Template', cell: (r) => r.sequence_name, kind: 'text' },
  { header: 'Step', cell: (r) => String(r.step_number) },
  { header: 'Sent', cell: (r) => formatCount(r.emails_sent) },
  { header: 'Opened†', cell: (r) => formatCount(r.emails_opened) },
  { header: 'Clicked', cell: (r) => formatCount(r.emails_clicked) },
  { header: 'Replied', cell: (r) => formatCount(r.emails_replied) },
  { header: 'Reply % of sent', cell: (r) => formatPct(r.reply_rate_pct) },
];

export const stepsTable = (rows: StepRank[], minSends: number): string =>
  htmlTable<StepRank>([rank(), ...stepColumns], rows, `No step had ${formatCount(minSends)} or more emails sent in this period.`, OPENS_FOOTNOTE);

export const tooFewSendsTable = (rows: StepRank[], minSends: number): string =>
  htmlTable<StepRank>(stepColumns, rows, `Every step that sent in this period had at least ${formatCount(minSends)} sends.`, OPENS_FOOTNOTE);
