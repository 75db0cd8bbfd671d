// Hand-made reports for the renderers' tests: a weekly and a monthly one with realistic figures, and an
// empty week. Typed as Report, so a change to the report's contract breaks them at compile time.
import type {
  CohortCounts, CohortFigures, DailyRow, Headline, Report, ReportQuery, ReportSummary, StepRank, TemplateRank, TrendRow,
} from '../../../src/application/reports/report.js';
import { parsePeriod, previousPeriod } from '../../../src/domain/reports/report-period.js';

const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((10_000 * part) / whole) / 100);

/** Counts as [started, qualified, sent, delivered, bounced, opened, clicked, replied]. */
type CountsTuple = [number, number, number, number, number, number, number, number];

export function figures(c: CountsTuple, avgDays: number | null): CohortFigures {
  const [started, qualified, sent, delivered, bounced, opened, clicked, replied] = c;
  return {
    total_sequences_started: started, leads_qualified: qualified, emails_sent: sent, emails_delivered: delivered,
    emails_bounced: bounced, emails_opened: opened, emails_clicked: clicked, emails_replied: replied,
    conversion_rate_pct: pct(qualified, started), open_rate_pct: pct(opened, sent), click_rate_pct: pct(clicked, sent),
    reply_rate_pct: pct(replied, sent), avg_days_to_qualify: qualified === 0 ? null : avgDays,
  };
}

const COUNT_KEYS: (keyof CohortCounts)[] = [
  'total_sequences_started', 'leads_qualified', 'emails_sent', 'emails_delivered', 'emails_bounced', 'emails_opened', 'emails_clicked', 'emails_replied',
];
const sumCounts = (rows: CohortCounts[]): CountsTuple => COUNT_KEYS.map((k) => rows.reduce((s, r) => s + r[k], 0)) as CountsTuple;

function headlines(now: CohortFigures, before: CohortFigures): Headline[] {
  const names: Headline['name'][] = ['leads_qualified', 'conversion_rate_pct', 'reply_rate_pct', 'avg_days_to_qualify'];
  return names.map((name) => {
    const value = now[name];
    const previous = before[name];
    return { name, value, previous, change: value === null || previous === null ? null : Math.round(100 * (value - previous)) / 100 };
  });
}

const summaryOf = (rows: CohortCounts[], avgDays: number | null, previous: CohortFigures): ReportSummary => {
  const now = figures(sumCounts(rows), avgDays);
  return { ...now, previous, headlines: headlines(now, previous) };
};

const days = (start: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => new Date(Date.parse(start) + i * 86_400_000).toISOString().slice(0, 10));

const step = (sequence_name: string, step_number: number, sent: number, opened: number, clicked: number, replied: number): StepRank => ({
  sequence_name, step_number, emails_sent: sent, emails_opened: opened, emails_clicked: clicked, emails_replied: replied,
  reply_rate_pct: pct(replied, sent),
});

const template = (sequence_name: string, c: CountsTuple, avgDays: number | null): TemplateRank => ({ sequence_name, ...figures(c, avgDays) });

export const DEFINITIONS = [
  { name: 'cohort', text: 'The sequences started in the period (by the UTC day of started_at, as mv_nurturing_conversion_metrics counts them), and the emails of those sequences.' },
  { name: 'conversion_rate_pct', text: '100 × leads_qualified ÷ total_sequences_started of the cohort; 0 when nothing started.' },
  { name: 'reply_rate_pct', text: '100 × emails_replied ÷ emails_sent of the cohort; 0 when nothing was sent.' },
  { name: 'open_rate_pct', text: '100 × emails_opened ÷ emails_sent. Shown, never ranks anything: machine opens inflate it.' },
  { name: 'avg_days_to_qualify', text: 'Mean of (qualified_at − started_at) in days over the cohort’s qualified sequences; none when nothing qualified.' },
  { name: 'top_templates', text: 'Templates ranked by conversion_rate_pct, then total_sequences_started, then sequence_name; the first 5.' },
  { name: 'top_steps', text: '(template, step) ranked by reply_rate_pct among the emails sent in the period, among steps with at least report_min_sends sends; the first 5.' },
];

const sql = (start: string, end: string, minSends: number): ReportQuery[] => [
  {
    figure: 'summary',
    sql: `SELECT count(*) AS total_sequences_started,
       count(*) FILTER (WHERE s.status = 'qualified') AS leads_qualified
  FROM lead_nurturing_sequences s
 WHERE s.started_at >= $1 AND s.started_at < $2`,
    params: [start, end],
  },
  {
    figure: 'daily',
    sql: `SELECT d::date AS date, coalesce(m.total_sequences_started, 0) AS total_sequences_started
  FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 day', interval '1 day') d
  LEFT JOIN mv_nurturing_conversion_metrics m ON m.date = d::date
 ORDER BY 1`,
    params: [start, end],
  },
  {
    figure: 'top_steps',
    sql: `SELECT sequence_name, step_number, count(*) AS emails_sent
  FROM lead_nurturing_emails
 WHERE sent_at >= $1 AND sent_at < $2
 GROUP BY 1, 2
HAVING count(*) >= $3
 ORDER BY reply_rate_pct DESC, emails_sent DESC, sequence_name, step_number
 LIMIT 5`,
    params: [start, end, minSends],
  },
];

const week = parsePeriod('weekly', '2026-W48');
const weeklyDaily: DailyRow[] = days(week.start, 7).map((date, i) => ({
  date,
  ...figures(([
    [42, 6, 118, 114, 4, 61, 19, 11],
    [55, 9, 160, 155, 5, 83, 27, 17],
    [48, 7, 139, 136, 3, 70, 22, 13],
    [51, 5, 147, 141, 6, 79, 20, 12],
    [39, 4, 101, 99, 2, 48, 15, 8],
    [12, 1, 30, 30, 0, 14, 3, 2],
    [8, 0, 17, 16, 1, 9, 2, 1],
  ] as CountsTuple[])[i]!, [4.1, 3.6, 3.9, 4.4, 5.0, 2.5, null][i]!),
}));

export const weeklyReport: Report = {
  id: `weekly-${week.label}`,
  period: week,
  generated_at: '2026-11-30T09:00:04.512Z',
  summary: summaryOf(weeklyDaily, 4.02, figures([231, 27, 640, 622, 18, 301, 92, 49], 4.61)),
  daily: weeklyDaily,
  top_templates: [
    template('Enterprise trial follow-up', [61, 11, 172, 168, 4, 88, 31, 19], 3.4),
    template('Webinar attendees — Q4', [58, 9, 166, 160, 6, 80, 25, 15], 4.2),
    template('Pricing page visitors', [49, 6, 141, 137, 4, 69, 20, 12], 4.6),
    template('Cold outbound: logistics', [45, 4, 130, 128, 2, 60, 16, 9], 4.9),
    template('Reactivation (90 days)', [42, 2, 103, 99, 4, 67, 16, 9], 3.0),
  ],
  top_steps: [
    step('Enterprise trial follow-up', 2, 64, 35, 14, 10),
    step('Webinar attendees — Q4', 1, 58, 30, 11, 7),
    step('Pricing page visitors', 1, 49, 27, 9, 5),
    step('Enterprise trial follow-up', 1, 61, 33, 10, 6),
    step('Cold outbound: logistics', 1, 45, 20, 7, 4),
  ],
  steps_too_few_sends: [step('Reactivation (90 days)', 3, 12, 7, 2, 2), step('Webinar attendees — Q4', 4, 6, 3, 1, 0)],
  min_sends: 20,
  trends: [],
  definitions: DEFINITIONS,
  sql: sql(week.start, week.end, 20),
};

const month = parsePeriod('monthly', '2026-11');
const monthlyDaily: DailyRow[] = days(month.start, 30).map((date, i) => {
  const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  const started = weekend ? 6 + (i % 5) : 38 + ((i * 7) % 19);
  const sent = started * 3 - (i % 4);
  const qualified = Math.round(started * (0.08 + (i % 6) / 100));
  return { date, ...figures([started, qualified, sent, sent - 3 - (i % 3), 3 + (i % 3), Math.round(sent * 0.5), Math.round(sent * 0.14), Math.round(sent * 0.08)], 3 + (i % 5) / 2) };
});

const trendMonths: TrendRow[] = [
  ['2026-06', [812, 61, 2280, 2211, 69, 1090, 301, 152], 5.1],
  ['2026-07', [905, 74, 2544, 2478, 66, 1204, 352, 181], 4.8],
  ['2026-08', [774, 63, 2190, 2135, 55, 1049, 298, 170], 4.9],
  ['2026-09', [1010, 92, 2866, 2790, 76, 1400, 405, 224], 4.4],
  ['2026-10', [1088, 104, 3075, 2999, 76, 1511, 431, 247], 4.2],
].map(([label, c, d]) => ({ label: label as string, ...figures(c as CountsTuple, d as number) }));
const monthlySummary = summaryOf(monthlyDaily, 4.05, trendMonths[4]!);
trendMonths.push({ label: month.label, ...figures(sumCounts(monthlyDaily), 4.05) });

export const monthlyReport: Report = {
  id: `monthly-${month.label}`,
  period: month,
  generated_at: '2026-12-01T09:00:11.020Z',
  summary: monthlySummary,
  daily: monthlyDaily,
  top_templates: weeklyReport.top_templates.map((t) => template(t.sequence_name, [
    t.total_sequences_started * 4, t.leads_qualified * 4, t.emails_sent * 4, t.emails_delivered * 4,
    t.emails_bounced * 4, t.emails_opened * 4, t.emails_clicked * 4, t.emails_replied * 4,
  ], t.avg_days_to_qualify)),
  top_steps: weeklyReport.top_steps.map((s) => step(s.sequence_name, s.step_number, s.emails_sent * 4, s.emails_opened * 4, s.emails_clicked * 4, s.emails_replied * 4)),
  steps_too_few_sends: [step('Reactivation (90 days)', 4, 15, 8, 2, 1)],
  min_sends: 20,
  trends: trendMonths,
  definitions: DEFINITIONS,
  sql: sql(month.start, month.end, 20),
};

const quiet = parsePeriod('weekly', '2026-W01');
const zero = figures([0, 0, 0, 0, 0, 0, 0, 0], null);

/** A week in which no sequence started, after a week in which none did either. */
export const emptyReport: Report = {
  id: `weekly-${quiet.label}`,
  period: quiet,
  generated_at: '2026-01-05T09:00:00.000Z',
  summary: { ...zero, previous: zero, headlines: headlines(zero, zero) },
  daily: days(quiet.start, 7).map((date) => ({ date, ...zero })),
  top_templates: [],
  top_steps: [],
  steps_too_few_sends: [],
  min_sends: 20,
  trends: [],
  definitions: DEFINITIONS,
  sql: sql(quiet.start, quiet.end, 20),
};

/** The previous period's label, as the page names it. */
export const previousLabelOf = (report: Report): string => previousPeriod(report.period).label;
