// When `serve` publishes the reports: cron expressions (UTC) from the environment, "off" to disable.
import { validateCronExpression } from 'cron';
import type { ReportKind } from '../../application/reports/report.js';
import { ValidationError } from '../../domain/shared/errors.js';

export type ReportSchedules = Record<ReportKind, string | null>;

export const REPORT_SCHEDULE_ENV: Record<ReportKind, string> = {
  weekly: 'NURTURE_WEEKLY_REPORT_SCHEDULE',
  monthly: 'NURTURE_MONTHLY_REPORT_SCHEDULE',
};

/** The specification's slots: Mondays 09:00 UTC, and the 1st of each month 09:00 UTC. */
export const DEFAULT_REPORT_SCHEDULES: Record<ReportKind, string> = { weekly: '0 9 * * 1', monthly: '0 9 1 * *' };

/** The schedules the environment sets; a ValidationError naming the variable for a bad cron expression. */
export function reportSchedulesFrom(env: NodeJS.ProcessEnv): ReportSchedules {
  const of = (kind: ReportKind): string | null => {
    const name = REPORT_SCHEDULE_ENV[kind];
    const value = env[name]?.trim() || DEFAULT_REPORT_SCHEDULES[kind];
    if (value.toLowerCase() === 'off') return null;
    const check = validateCronExpression(value);
    if (!check.valid) {
      throw new ValidationError(name, `must be a cron expression (UTC) such as "${DEFAULT_REPORT_SCHEDULES[kind]}", or "off"; got ${JSON.stringify(value)}: ${check.error?.message ?? 'invalid'}`);
    }
    return value;
  };
  return { weekly: of('weekly'), monthly: of('monthly') };
}
