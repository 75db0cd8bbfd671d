// The user's `leads` table: cold leads, set-based (the specification's cold-lead query, minus
// suppressed addresses and leads already in a sequence, oldest first), and one lead to enroll.
import type pg from 'pg';
import type { ColdLead, ColdLeadQuery, EnrollableLead, LeadSource } from '../../application/ports/lead-source.js';
import { EDGE_BLANKS_PATTERN, NON_BLANK_PATTERN } from '../../domain/shared/blank.js';
import { leadTextFields } from './lead-text-fields.js';

/** The lead `l`'s address is on the suppression list, which keeps addresses as `suppressionKeyOf`
 * does (trimmed, lower-case); `$n` is EDGE_BLANKS_PATTERN, so the SQL trims as the domain does. */
const suppressed = (n: number): string =>
  `EXISTS (SELECT 1 FROM lead_nurturing_suppressions x WHERE x.email = lower(regexp_replace(l.email, $${n}, '', 'g')))`;

const COLD_LEADS = `
  SELECT l.ext_id, l.email, l.first_name, l.score, l.priority, l.created_at, to_jsonb(l) AS row
    FROM leads l
   WHERE l.email ~ $6
     AND (l.score IS NULL OR l.score < $2)
     AND (l.priority IS NULL OR l.priority = $3)
     AND l.created_at >= $1
     AND NOT ${suppressed(7)}
     AND NOT EXISTS (SELECT 1 FROM lead_nurturing_sequences s WHERE s.lead_ext_id = l.ext_id AND s.status = ANY($4::text[]))
   ORDER BY l.created_at, l.ext_id COLLATE "C"
   LIMIT $5`;

const ONE_LEAD = `SELECT to_jsonb(l) AS row, ${suppressed(2)} AS suppressed FROM leads l WHERE l.ext_id = $1`;

interface LeadRow {
  ext_id: string;
  email: string;
  first_name: string | null;
  score: number | null;
  priority: string | null;
  created_at: Date;
  row: Record<string, unknown>;
}

export class SqlLeadSource implements LeadSource {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async findColdLeads(q: ColdLeadQuery): Promise<ColdLead[]> {
    const { rows } = await this.db.query<LeadRow>(COLD_LEADS, [q.createdSince, q.scoreBelow, q.priority, q.openStatuses, q.limit, NON_BLANK_PATTERN, EDGE_BLANKS_PATTERN]);
    return rows.map((r) => ({
      extId: String(r.ext_id),
      email: r.email.trim(),
      firstName: r.first_name,
      score: r.score === null ? null : Number(r.score),
      priority: r.priority,
      createdAt: r.created_at.toISOString(),
      fields: leadTextFields(r.row),
    }));
  }

  async findLead(extId: string): Promise<EnrollableLead | null> {
    const { rows } = await this.db.query<{ row: Record<string, unknown>; suppressed: boolean }>(ONE_LEAD, [extId, EDGE_BLANKS_PATTERN]);
    const found = rows[0];
    if (!found) return null;
    const r = found.row;
    const score = r.score === null || r.score === undefined ? null : Number(r.score);
    return {
      extId: String(r.ext_id),
      email: typeof r.email === 'string' ? r.email : null,
      firstName: typeof r.first_name === 'string' ? r.first_name : null,
      score: Number.isFinite(score) ? score : null,
      priority: typeof r.priority === 'string' ? r.priority : null,
      fields: leadTextFields(r),
      suppressed: found.suppressed,
    };
  }
}
