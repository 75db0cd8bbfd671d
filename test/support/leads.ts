import type pg from 'pg';

export interface LeadRow {
  ext_id: string;
  email: string | null;
  first_name?: string | null;
  company?: string | null;
  score: number | null;
  priority: string | null;
  created_at: string;
}

export async function insertLeads(db: Pick<pg.Pool, 'query'>, leads: LeadRow[]): Promise<void> {
  await db.query(
    `INSERT INTO leads (ext_id, email, first_name, company, score, priority, created_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS l(ext_id text, email text, first_name text, company text, score int, priority text, created_at timestamptz)`,
    [JSON.stringify(leads.map((l) => ({ first_name: null, company: null, ...l })))],
  );
}
