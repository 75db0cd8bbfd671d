// Where reports are kept and how they are made: the ports between generating a report, storing
// it, and publishing it (S3, Slack, the scheduler).
import type { Report, ReportKind, ReportPeriod } from './report.js';

/** One file of a report, as written to --out, served over HTTP and uploaded beside the run exports. */
export interface ReportFile {
  /** e.g. `weekly-2026-W48.csv`, `monthly-2026-11-top-templates.csv`, `weekly-2026-W48.html`, `….json`. */
  name: string;
  contentType: string;
  body: string;
}

export interface StoredReport {
  report: Report;
  files: ReportFile[];
}

export interface ReportListing {
  id: string;
  kind: ReportKind;
  label: string;
  start: string;
  end: string;
  generated_at: string;
}

export interface ReportStore {
  /** Keeps the report and its files; a report of the same id (period) is replaced. */
  save(stored: StoredReport): Promise<void>;
  find(id: string): Promise<StoredReport | null>;
  /** Newest period first. */
  list(options: { kind?: ReportKind; limit: number }): Promise<ReportListing[]>;
}

export const REPORT_STORE = Symbol('ReportStore');

/** Computes a period's report from the read side, renders its files and stores it. */
export interface ReportGenerator {
  generate(period: ReportPeriod, options?: { minSends?: number; now?: string }): Promise<StoredReport>;
}

export const REPORT_GENERATOR = Symbol('ReportGenerator');
