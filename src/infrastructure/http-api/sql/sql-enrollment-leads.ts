// Reads one lead of the user's `leads` table (whatever its extra columns) for a manual enrollment.
import type pg from 'pg';
import type { EnrollableLead, EnrollmentLeads } from '../../../application/enrollment/enroll-lead/enrollment-leads.port.js';
import { leadTextFields } from '../../leads/lead-text-fields.js';

interface LeadRow {
  row: Record<string, unknown>;
  suppressed: boolean;
}

export class SqlEnrollmentLeads implements EnrollmentLeads {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async findLead(extId: string): Promise<EnrollableLead | null> {
    const { rows } = await this.db.query<LeadRow>(
      `SELECT to_jsonb(l) AS row,
              EXISTS (SELECT 1 FROM lead_nurturing_suppressions x WHERE x.email = lower(btrim(l.email))) AS suppressed
         FROM leads l
        WHERE l.ext_id = $1`,
      [extId],
    );
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
