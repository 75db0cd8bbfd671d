// Reports and their files in lead_nurturing_reports (one row per period; generating it again replaces it).
import type pg from 'pg';
import type { ReportKind } from '../../application/reports/report.js';
import type { ReportListing, ReportStore, StoredReport } from '../../application/reports/report-ports.js';

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

export class SqlReportStore implements ReportStore {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async save({ report, files }: StoredReport): Promise<void> {
    await this.db.query(
      `INSERT INTO lead_nurturing_reports (id, kind, label, period_start, period_end, generated_at, report, files)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, label = EXCLUDED.label, period_start = EXCLUDED.period_start,
         period_end = EXCLUDED.period_end, generated_at = EXCLUDED.generated_at, report = EXCLUDED.report, files = EXCLUDED.files`,
      [report.id, report.period.kind, report.period.label, report.period.start, report.period.end, report.generated_at, JSON.stringify(report), JSON.stringify(files)],
    );
  }

  async find(id: string): Promise<StoredReport | null> {
    const { rows } = await this.db.query<StoredReport>(`SELECT report, files FROM lead_nurturing_reports WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async list({ kind, limit }: { kind?: ReportKind; limit: number }): Promise<ReportListing[]> {
    const { rows } = await this.db.query<{ id: string; kind: ReportKind; label: string; start: Date; end: Date; generated_at: Date }>(
      `SELECT id, kind, label, period_start AS start, period_end AS "end", generated_at
         FROM lead_nurturing_reports
        WHERE $1::text IS NULL OR kind = $1
        ORDER BY period_start DESC, kind
        LIMIT $2`,
      [kind ?? null, limit],
    );
    return rows.map((r) => ({ ...r, start: iso(r.start), end: iso(r.end), generated_at: iso(r.generated_at) }));
  }
}
