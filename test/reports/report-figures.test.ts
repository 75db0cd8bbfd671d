// The weekly and monthly reports' figures over a hand-built read side (support/report-dataset.ts):
// every expected number below is derived by hand from the rows listed there, not by the report's SQL.
import { parsePeriod } from '../../src/domain/reports/report-period.js';
import type { CohortFigures, Report } from '../../src/application/reports/report.js';
import { createReportGenerator } from '../../src/infrastructure/reports/create-report-generator.js';
import { SqlReportStore } from '../../src/infrastructure/reports/sql-report-store.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { insertReportDataset } from './support/report-dataset.js';

const ZERO: CohortFigures = {
  total_sequences_started: 0, leads_qualified: 0, emails_sent: 0, emails_delivered: 0, emails_bounced: 0, emails_opened: 0,
  emails_clicked: 0, emails_replied: 0, conversion_rate_pct: 0, open_rate_pct: 0, click_rate_pct: 0, reply_rate_pct: 0, avg_days_to_qualify: null,
};
const figures = (f: Partial<CohortFigures>): CohortFigures => ({ ...ZERO, ...f });

describe('report figures', () => {
  let t: TestDatabase;
  let weekly: Report;
  let monthly: Report;
  beforeAll(async () => {
    t = await createTestDatabase();
    await insertReportDataset(t.db.pool);
    const generator = createReportGenerator(t.db.pool);
    weekly = (await generator.generate(parsePeriod('weekly', '2026-W10'), { minSends: 2, now: '2026-03-20T00:00:00.000Z' })).report;
    monthly = (await generator.generate(parsePeriod('monthly', '2026-03'), { minSends: 2, now: '2026-04-02T09:00:00.000Z' })).report;
  });
  afterAll(() => t.drop());

  describe('weekly 2026-W10', () => {
    it('summarises the cohort started in the week, bounced emails apart from sent', () => {
      // Cohort: sequences 1, 2, 3, 4, 8, 9, 10, 11 (5 starts Monday of W11, 7 on Sunday of W09) = 8;
      // qualified 1, 3, 8 = 3 → 37.5 %. Emails with status sent: 1/1, 1/2, 2/1, 3/1 = 4 (1/3 bounced,
      // 2/2 failed, 3/2 dry_run). Delivered 1/1, 1/2, 2/1 = 3; opened 1/1, 1/2, 3/1 = 3 → 75 %;
      // clicked 1/2, 3/1 = 2 → 50 %; replied 1/1, 3/1 = 2 → 50 %. Days to qualify (2 + 1.5 + 1) / 3 = 1.5.
      const { previous, headlines, ...summary } = weekly.summary;
      expect(summary).toEqual(figures({
        total_sequences_started: 8, leads_qualified: 3, conversion_rate_pct: 37.5, emails_sent: 4, emails_delivered: 3, emails_bounced: 1,
        emails_opened: 3, emails_clicked: 2, emails_replied: 2, open_rate_pct: 75, click_rate_pct: 50, reply_rate_pct: 50, avg_days_to_qualify: 1.5,
      }));
      // W09: sequences 6 and 7; 6 qualified after 4 days. Emails 6/1 (opened), 6/2 (replied), 7/1 = 3 sent.
      expect(previous).toEqual(figures({
        total_sequences_started: 2, leads_qualified: 1, conversion_rate_pct: 50, emails_sent: 3, emails_opened: 1, emails_replied: 1,
        open_rate_pct: 33.33, reply_rate_pct: 33.33, avg_days_to_qualify: 4,
      }));
      expect(headlines).toEqual([
        { name: 'leads_qualified', value: 3, previous: 1, change: 2 },
        { name: 'conversion_rate_pct', value: 37.5, previous: 50, change: -12.5 },
        { name: 'reply_rate_pct', value: 50, previous: 33.33, change: 16.67 },
        { name: 'avg_days_to_qualify', value: 1.5, previous: 4, change: -2.5 },
      ]);
    });

    it('lists all seven UTC days, zeros where nothing started', () => {
      expect(weekly.daily).toEqual([
        // Sequences 1 and 2 (23:59:59 is still Monday); emails 1/1, 1/2, 2/1 sent, 1/3 bounced.
        { date: '2026-03-02', ...figures({ total_sequences_started: 2, leads_qualified: 1, conversion_rate_pct: 50, emails_sent: 3, emails_delivered: 3,
          emails_bounced: 1, emails_opened: 2, emails_clicked: 1, emails_replied: 1, open_rate_pct: 66.67, click_rate_pct: 33.33, reply_rate_pct: 33.33, avg_days_to_qualify: 2 }) },
        { date: '2026-03-03', ...ZERO },
        { date: '2026-03-04', ...figures({ total_sequences_started: 1, leads_qualified: 1, conversion_rate_pct: 100, emails_sent: 1, emails_opened: 1,
          emails_clicked: 1, emails_replied: 1, open_rate_pct: 100, click_rate_pct: 100, reply_rate_pct: 100, avg_days_to_qualify: 1.5 }) },
        { date: '2026-03-05', ...figures({ total_sequences_started: 2, leads_qualified: 1, conversion_rate_pct: 50, avg_days_to_qualify: 1 }) },
        { date: '2026-03-06', ...figures({ total_sequences_started: 1 }) },
        { date: '2026-03-07', ...figures({ total_sequences_started: 1 }) },
        { date: '2026-03-08', ...figures({ total_sequences_started: 1 }) },
      ]);
    });

    it('ranks the top 5 templates by conversion, then starts, then name (byte order)', () => {
      // Beta 1/1 = 100 %; Alpha 1/2 and Delta 1/2 = 50 % with 2 starts each → by name; =Gamma, Epsilon,
      // Zeta 0/1 → by byte order ('=' < 'E' < 'Z'); Zeta is sixth, cut.
      expect(weekly.top_templates.map((r) => [r.sequence_name, r.conversion_rate_pct, r.total_sequences_started])).toEqual([
        ['Beta', 100, 1], ['Alpha', 50, 2], ['Delta', 50, 2], ['=Gamma', 0, 1], ['Epsilon', 0, 1],
      ]);
      expect(weekly.top_templates[1]).toMatchObject({ emails_sent: 3, emails_replied: 1, reply_rate_pct: 33.33, avg_days_to_qualify: 2 });
    });

    it('ranks steps over the emails sent in the week; steps under min_sends are listed apart', () => {
      // Sent in W10: Alpha/1 = 1/1 (replied) + 2/1 → 2 sent, 50 %; Beta/1 = 3/1 (replied) + 7/1 → 2 sent, 50 %;
      // Alpha/2 = 1/2 → 1 sent; Beta/2 = 6/2 (replied; its sequence started in W09) → 1 sent, 100 %.
      // The bounced 1/3 and the dry_run 3/2 are not sent. Alpha/1 and Beta/1 tie on rate and sends → by name.
      expect(weekly.top_steps).toEqual([
        { sequence_name: 'Alpha', step_number: 1, emails_sent: 2, emails_opened: 1, emails_clicked: 0, emails_replied: 1, reply_rate_pct: 50 },
        { sequence_name: 'Beta', step_number: 1, emails_sent: 2, emails_opened: 1, emails_clicked: 1, emails_replied: 1, reply_rate_pct: 50 },
      ]);
      // 100 % on one send does not rank.
      expect(weekly.steps_too_few_sends.map((s) => [s.sequence_name, s.step_number, s.emails_sent, s.reply_rate_pct])).toEqual([
        ['Alpha', 2, 1, 0], ['Beta', 2, 1, 100],
      ]);
      expect(weekly.min_sends).toBe(2);
      expect(weekly.trends).toEqual([]);
    });

    it('prints the SQL of every figure and its definitions', () => {
      expect(weekly.sql.map((q) => q.figure)).toEqual(['summary, previous and trends (a cohort per period)', 'daily', 'top_templates', 'top_steps and steps_too_few_sends']);
      expect(weekly.sql[1]!.params).toEqual(['2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z']);
      expect(weekly.definitions.find((d) => d.name === 'emails_sent')!.text).toMatch(/Bounced emails .* are NOT counted as sent/);
    });

    it('the daily rows agree with mv_nurturing_conversion_metrics on its columns', async () => {
      await t.db.pool.query('REFRESH MATERIALIZED VIEW mv_nurturing_conversion_metrics');
      const { rows } = await t.db.pool.query(
        `SELECT date::text AS date, total_sequences_started, leads_qualified, conversion_rate_pct::float8, emails_sent, open_rate_pct::float8,
                click_rate_pct::float8, reply_rate_pct::float8, avg_days_to_qualify::float8
           FROM mv_nurturing_conversion_metrics WHERE date >= '2026-03-02' AND date < '2026-03-09' ORDER BY date`);
      const started = weekly.daily.filter((d) => d.total_sequences_started > 0);
      expect(rows).toEqual(started.map((d) => ({
        date: d.date, total_sequences_started: d.total_sequences_started, leads_qualified: d.leads_qualified, conversion_rate_pct: d.conversion_rate_pct,
        emails_sent: d.emails_sent, open_rate_pct: d.open_rate_pct, click_rate_pct: d.click_rate_pct, reply_rate_pct: d.reply_rate_pct, avg_days_to_qualify: d.avg_days_to_qualify,
      })));
    });
  });

  describe('monthly 2026-03', () => {
    it('compares the month with February', () => {
      // March cohort: 1, 2, 3, 4, 5, 7, 8, 9, 10, 11 = 10; qualified 1, 3, 8 → 30 %. Sent: W10's four + 7/1 = 5;
      // opened 3 → 60 %, clicked 2 → 40 %, replied 2 → 40 %. February: sequence 6, qualified after 4 days.
      const { previous, headlines, ...summary } = monthly.summary;
      expect(summary).toEqual(figures({
        total_sequences_started: 10, leads_qualified: 3, conversion_rate_pct: 30, emails_sent: 5, emails_delivered: 3, emails_bounced: 1,
        emails_opened: 3, emails_clicked: 2, emails_replied: 2, open_rate_pct: 60, click_rate_pct: 40, reply_rate_pct: 40, avg_days_to_qualify: 1.5,
      }));
      expect(previous).toEqual(figures({
        total_sequences_started: 1, leads_qualified: 1, conversion_rate_pct: 100, emails_sent: 2, emails_opened: 1, emails_replied: 1,
        open_rate_pct: 50, reply_rate_pct: 50, avg_days_to_qualify: 4,
      }));
      expect(headlines.map((h) => h.change)).toEqual([2, -70, -10, -2.5]);
      expect(monthly.daily).toHaveLength(31);
      expect(monthly.daily.filter((d) => d.total_sequences_started > 0).map((d) => d.date)).toEqual(
        ['2026-03-01', '2026-03-02', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']);
    });

    it('trends over the last six months, oldest first, each its own cohort', () => {
      // October: no sequence started (13 started on September 30th; its email sent in October does not count);
      // December: sequence 12, one email sent and replied to.
      expect(monthly.trends).toEqual([
        { label: '2025-10', ...ZERO },
        { label: '2025-11', ...ZERO },
        { label: '2025-12', ...figures({ total_sequences_started: 1, emails_sent: 1, emails_replied: 1, reply_rate_pct: 100 }) },
        { label: '2026-01', ...ZERO },
        { label: '2026-02', ...monthly.summary.previous },
        { label: '2026-03', ...figures({ ...monthly.summary, previous: undefined, headlines: undefined } as Partial<CohortFigures>) },
      ].map((row) => JSON.parse(JSON.stringify(row))));
    });

    it('ranks steps over the emails sent in March (6/1 was sent in February)', () => {
      expect(monthly.top_steps.map((s) => [s.sequence_name, s.step_number, s.emails_sent])).toEqual([['Alpha', 1, 2], ['Beta', 1, 2]]);
      expect(monthly.steps_too_few_sends.map((s) => [s.sequence_name, s.step_number])).toEqual([['Alpha', 2], ['Beta', 2]]);
    });

    it('with the default report_min_sends (20) no step of this small dataset ranks', async () => {
      const { report } = await createReportGenerator(t.db.pool).generate(parsePeriod('monthly', '2026-03'));
      expect(report.min_sends).toBe(20);
      expect(report.top_steps).toEqual([]);
      expect(report.steps_too_few_sends).toHaveLength(4);
    });
  });

  describe('storage', () => {
    it('keeps every report with its files; a period generated again replaces its row', async () => {
      const store = new SqlReportStore(t.db.pool);
      const listed = await store.list({ limit: 10 });
      expect(listed.map((r) => r.id)).toEqual(['weekly-2026-W10', 'monthly-2026-03']);
      expect(listed[0]).toEqual({ id: 'weekly-2026-W10', kind: 'weekly', label: '2026-W10', start: '2026-03-02T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z', generated_at: '2026-03-20T00:00:00.000Z' });
      expect((await store.list({ kind: 'monthly', limit: 10 })).map((r) => r.id)).toEqual(['monthly-2026-03']);
      const stored = await store.find('monthly-2026-03');
      expect(stored!.report.min_sends).toBe(20); // the later generation replaced the first
      expect(stored!.files.map((f) => f.name)).toEqual([
        'monthly-2026-03.csv', 'monthly-2026-03-top-templates.csv', 'monthly-2026-03-top-steps.csv', 'monthly-2026-03-trends.csv', 'monthly-2026-03.json', 'monthly-2026-03.html',
      ]);
      expect(await store.find('weekly-2026-W11')).toBeNull();
    });
  });
});
