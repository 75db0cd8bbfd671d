// A report's period: an ISO week (Monday 00:00 UTC to the next Monday) or a calendar month (UTC).
import { ValidationError } from '../shared/errors.js';

export type PeriodKind = 'weekly' | 'monthly';

export interface Period {
  kind: PeriodKind;
  /** `2026-W48` or `2026-11`. */
  label: string;
  /** Inclusive, ISO instant at UTC midnight. */
  start: string;
  /** Exclusive: the next period's start. */
  end: string;
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The Monday (UTC) of ISO week 1 of `isoYear`: the week holding January 4th. */
function isoWeekOneMonday(isoYear: number): number {
  const jan4 = Date.UTC(isoYear, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return jan4 - weekday * DAY_MS;
}

/** The ISO week that holds the instant `ms`. */
function isoWeekOf(ms: number): { year: number; week: number; monday: number } {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  const thursday = monday + 3 * DAY_MS; // the week belongs to the year of its Thursday
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.round((monday - isoWeekOneMonday(year)) / (7 * DAY_MS)) + 1;
  return { year, week, monday };
}

const weekPeriod = (year: number, week: number, monday: number): Period => ({
  kind: 'weekly',
  label: `${year}-W${pad(week)}`,
  start: new Date(monday).toISOString(),
  end: new Date(monday + 7 * DAY_MS).toISOString(),
});

const monthPeriod = (year: number, month0: number): Period => ({
  kind: 'monthly',
  label: `${year}-${pad(month0 + 1)}`,
  start: new Date(Date.UTC(year, month0, 1)).toISOString(),
  end: new Date(Date.UTC(year, month0 + 1, 1)).toISOString(),
});

/** The period named `label` (`2026-W48` weekly, `2026-11` monthly); a ValidationError naming `field`. */
export function parsePeriod(kind: PeriodKind, label: string, field = 'period'): Period {
  if (kind === 'weekly') {
    const m = /^(\d{4})-W(\d{2})$/.exec(label);
    const year = m ? Number(m[1]) : NaN;
    const week = m ? Number(m[2]) : NaN;
    const weeksInYear = isoWeekOf(Date.UTC(year, 11, 28)).week; // Dec 28 is always in the year's last week
    if (!m || week < 1 || week > weeksInYear) throw new ValidationError(field, `must be an ISO week like 2026-W48, got ${JSON.stringify(label)}`);
    return weekPeriod(year, week, isoWeekOneMonday(year) + (week - 1) * 7 * DAY_MS);
  }
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  const month = m ? Number(m[2]) : NaN;
  if (!m || month < 1 || month > 12) throw new ValidationError(field, `must be a month like 2026-11, got ${JSON.stringify(label)}`);
  return monthPeriod(Number(m[1]), month - 1);
}

/** The period that holds the instant `at`. */
export function periodOf(kind: PeriodKind, at: string): Period {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new ValidationError('now', `must be an ISO-8601 instant, got ${JSON.stringify(at)}`);
  if (kind === 'weekly') {
    const { year, week, monday } = isoWeekOf(ms);
    return weekPeriod(year, week, monday);
  }
  const d = new Date(ms);
  return monthPeriod(d.getUTCFullYear(), d.getUTCMonth());
}

/** The period just before `period`. */
export const previousPeriod = (period: Period): Period => periodOf(period.kind, new Date(Date.parse(period.start) - 1).toISOString());

/** The last complete period at `now`: the one before the period that holds `now`. */
export const lastCompletePeriod = (kind: PeriodKind, now: string): Period => previousPeriod(periodOf(kind, now));
