// The reports' own ports for tests of what comes after generating a report (publishing,
// scheduling): a ReportStore over a Map and a ReportGenerator that stores a fixed-shape Report
// of the period asked for, counting its calls. Not the real SQL (its own tests cover that).
import type { ReportGenerator, ReportListing, ReportStore, StoredReport } from '../../src/application/reports/report-ports.js';
import type { CohortFigures, Report, ReportPeriod } from '../../src/application/reports/report.js';

export class InMemoryReportStore implements ReportStore {
  readonly reports = new Map<string, StoredReport>();

  async save(stored: StoredReport): Promise<void> {
    this.reports.set(stored.report.id, stored);
  }

  async find(id: string): Promise<StoredReport | null> {
    return this.reports.get(id) ?? null;
  }

  async list(options: { kind?: Report['period']['kind']; limit: number }): Promise<ReportListing[]> {
    return [...this.reports.values()]
      .map(({ report: r }) => ({ id: r.id, kind: r.period.kind, label: r.period.label, start: r.period.start, end: r.period.end, generated_at: r.generated_at }))
      .filter((l) => !options.kind || l.kind === options.kind)
      .sort((a, b) => b.start.localeCompare(a.start))
      .slice(0, options.limit);
  }
}

export class FixtureReportGenerator implements ReportGenerator {
  readonly generated: string[] = [];

  constructor(
    private readonly store: ReportStore,
    private readonly options: { delayMs?: number; templateName?: string } = {},
  ) {}

  async generate(period: ReportPeriod): Promise<StoredReport> {
    if (this.options.delayMs) await new Promise((resolve) => setTimeout(resolve, this.options.delayMs));
    const report = reportFixture(period, this.options.templateName);
    const stored: StoredReport = {
      report,
      files: [
        { name: `${report.id}.csv`, contentType: 'text/csv; charset=utf-8', body: 'date,total_sequences_started\n' },
        { name: `${report.id}.html`, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>report</title>' },
        { name: `${report.id}.json`, contentType: 'application/json', body: JSON.stringify(report) },
      ],
    };
    await this.store.save(stored);
    this.generated.push(report.id);
    return stored;
  }
}

const figures = (started: number, qualified: number, sent: number, replied: number, days: number | null): CohortFigures => ({
  total_sequences_started: started,
  leads_qualified: qualified,
  emails_sent: sent,
  emails_delivered: sent,
  emails_bounced: 0,
  emails_opened: 0,
  emails_clicked: 0,
  emails_replied: replied,
  conversion_rate_pct: started ? Math.round((10_000 * qualified) / started) / 100 : 0,
  open_rate_pct: 0,
  click_rate_pct: 0,
  reply_rate_pct: sent ? Math.round((10_000 * replied) / sent) / 100 : 0,
  avg_days_to_qualify: days,
});

/** 200 started, 30 qualified (15 %), 400 sent, 40 replied (10 %), 4.5 days; the period before:
 * 100 started, 10 qualified (10 %), 200 sent, 30 replied (15 %), no days. */
export function reportFixture(period: ReportPeriod, templateName = 'Welcome <VIP> & friends'): Report {
  const current = figures(200, 30, 400, 40, 4.5);
  const previous = figures(100, 10, 200, 30, null);
  return {
    id: `${period.kind}-${period.label}`,
    period,
    generated_at: new Date().toISOString(),
    summary: {
      ...current,
      previous,
      headlines: [
        { name: 'leads_qualified', value: 30, previous: 10, change: 20 },
        { name: 'conversion_rate_pct', value: 15, previous: 10, change: 5 },
        { name: 'reply_rate_pct', value: 10, previous: 15, change: -5 },
        { name: 'avg_days_to_qualify', value: 4.5, previous: null, change: null },
      ],
    },
    daily: [],
    top_templates: [{ sequence_name: templateName, ...current }],
    top_steps: [],
    steps_too_few_sends: [],
    min_sends: 20,
    trends: [],
    definitions: [],
    sql: [],
  };
}
