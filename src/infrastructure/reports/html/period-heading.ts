// How a period is named on the page: its label and its UTC days, first to last (the end is exclusive).
import type { ReportPeriod } from '../../../application/reports/report.js';
import { previousPeriod } from '../../../domain/reports/report-period.js';

const DAY_MS = 86_400_000;
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

export const periodTitle = (period: ReportPeriod): string =>
  `${period.kind === 'weekly' ? 'Weekly' : 'Monthly'} report ${period.label}`;

/** `Mon, 23 Nov 2026 – Sun, 29 Nov 2026 (UTC)`. */
export function periodDays(period: ReportPeriod): string {
  const first = dayFormat.format(new Date(period.start));
  const last = dayFormat.format(new Date(Date.parse(period.end) - DAY_MS));
  return `${first} – ${last} (UTC)`;
}

export const previousLabel = (period: ReportPeriod): string => previousPeriod(period).label;
