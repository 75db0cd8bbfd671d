// Which leads are "cold" and get a nurturing sequence: the specification's query, as a pure rule.
//   email IS NOT NULL AND (score IS NULL OR score < 50) AND (priority IS NULL OR priority = 'low')
//   AND created_at >= CURRENT_DATE - INTERVAL '90 days', not suppressed, no open sequence.
import { NON_BLANK_PATTERN } from '../shared/blank.js';
import { ValidationError } from '../shared/errors.js';
import { addDays, instant, isoOf, startOfUtcDay } from '../shared/time.js';
import type { SequenceStatus } from '../sequence/state.js';

export const COLD_SCORE_LIMIT = 50;
export const COLD_PRIORITY = 'low';
export const COLD_LEAD_WINDOW_DAYS = 90;
/** A lead with a sequence in one of these statuses is not enrolled again. */
export const OPEN_SEQUENCE_STATUSES: readonly SequenceStatus[] = ['active', 'paused', 'qualified'];

/** Statuses that keep a lead from being enrolled again. Beyond the open ones (DESIGN.md), a lead
 * whose sequence completed or was stopped is not re-enrolled either: restarting a finished
 * sequence would send its emails again, and a stop is a decision a run must not undo. */
export const ENROLLMENT_BLOCKING_STATUSES: readonly SequenceStatus[] = [...OPEN_SEQUENCE_STATUSES, 'completed', 'stopped'];


const NON_BLANK = new RegExp(NON_BLANK_PATTERN);

export interface ColdLeadCandidate {
  email: string | null;
  score: number | null;
  priority: string | null;
  /** ISO-8601 instant. */
  createdAt: string;
}

export interface ColdLeadContext {
  now: string;
  suppressed: boolean;
  hasOpenSequence: boolean;
}

/** `CURRENT_DATE - INTERVAL '90 days'`, with CURRENT_DATE taken as the UTC day of `now`. */
export function coldLeadWindowStart(now: string): string {
  return isoOf(addDays(startOfUtcDay(instant(now, 'now')), -COLD_LEAD_WINDOW_DAYS));
}

export function isColdLead(lead: ColdLeadCandidate, ctx: ColdLeadContext): boolean {
  const created = Date.parse(lead.createdAt);
  return (
    typeof lead.email === 'string' &&
    NON_BLANK.test(lead.email) &&
    (lead.score === null || lead.score < COLD_SCORE_LIMIT) &&
    (lead.priority === null || lead.priority === COLD_PRIORITY) &&
    !Number.isNaN(created) &&
    created >= Date.parse(coldLeadWindowStart(ctx.now)) &&
    !ctx.suppressed &&
    !ctx.hasOpenSequence
  );
}

const byAge = (a: { createdAt: string; extId: string }, b: { createdAt: string; extId: string }): number =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.extId < b.extId ? -1 : a.extId > b.extId ? 1 : 0);

/** The cold leads to enroll in this run: oldest first (then by ext id), at most `maxLeadsPerRun`. */
export function selectColdLeads<L extends ColdLeadCandidate & { extId: string }>(
  leads: readonly L[],
  contextOf: (lead: L) => ColdLeadContext,
  maxLeadsPerRun: number,
): L[] {
  if (!Number.isInteger(maxLeadsPerRun) || maxLeadsPerRun < 0) {
    throw new ValidationError('max_leads_per_run', `must be an integer >= 0, got ${maxLeadsPerRun}`);
  }
  return leads
    .filter((lead) => isColdLead(lead, contextOf(lead)))
    .sort(byAge)
    .slice(0, maxLeadsPerRun);
}
