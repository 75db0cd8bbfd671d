// A hand-built read side for the report tests: rows written straight into lead_nurturing_sequences
// and lead_nurturing_events (as the spec-SQL tests do), so every expected figure can be derived by
// hand from the lists below. ISO week 2026-W10 is Monday 2026-03-02 to Monday 2026-03-09; 2026-W09
// ends on Sunday 2026-03-01, which belongs to March.
import type pg from 'pg';

interface Seq { id: number; name: string; started: string; qualified?: string }
interface Email { seq: number; step: number; status: 'sent' | 'bounced' | 'failed' | 'dry_run'; sent?: string; delivered?: boolean; opened?: boolean; clicked?: boolean; replied?: boolean }

export const SEQUENCES: Seq[] = [
  // 2026-W10 (and March)
  { id: 1, name: 'Alpha', started: '2026-03-02T10:00:00Z', qualified: '2026-03-04T10:00:00Z' }, // 2 days
  { id: 2, name: 'Alpha', started: '2026-03-02T23:59:59Z' },
  { id: 3, name: 'Beta', started: '2026-03-04T00:00:00Z', qualified: '2026-03-05T12:00:00Z' }, // 1.5 days
  { id: 4, name: '=Gamma', started: '2026-03-08T23:00:00Z' }, // a name a spreadsheet would run as a formula
  { id: 8, name: 'Delta', started: '2026-03-05T09:00:00Z', qualified: '2026-03-06T09:00:00Z' }, // 1 day
  { id: 9, name: 'Delta', started: '2026-03-05T10:00:00Z' },
  { id: 10, name: 'Epsilon', started: '2026-03-06T10:00:00Z' },
  { id: 11, name: 'Zeta', started: '2026-03-07T10:00:00Z' },
  // 2026-W11 (Monday 00:00), still March
  { id: 5, name: 'Alpha', started: '2026-03-09T00:00:00Z' },
  // 2026-W09: in February, and on Sunday March 1st
  { id: 6, name: 'Beta', started: '2026-02-24T08:00:00Z', qualified: '2026-02-28T08:00:00Z' }, // 4 days
  { id: 7, name: 'Beta', started: '2026-03-01T23:59:59Z' },
  // December 2025 (in the trend), September 2025 (before it)
  { id: 12, name: 'Alpha', started: '2025-12-15T12:00:00Z' },
  { id: 13, name: 'Alpha', started: '2025-09-30T23:59:59Z', qualified: '2025-10-02T00:00:00Z' },
];

export const EMAILS: Email[] = [
  { seq: 1, step: 1, status: 'sent', sent: '2026-03-02T10:00:00Z', delivered: true, opened: true, replied: true },
  { seq: 1, step: 2, status: 'sent', sent: '2026-03-03T10:00:00Z', delivered: true, opened: true, clicked: true },
  { seq: 1, step: 3, status: 'bounced', sent: '2026-03-04T09:00:00Z' },
  { seq: 2, step: 1, status: 'sent', sent: '2026-03-03T00:00:00Z', delivered: true },
  { seq: 2, step: 2, status: 'failed' },
  { seq: 3, step: 1, status: 'sent', sent: '2026-03-04T00:00:00Z', opened: true, clicked: true, replied: true },
  { seq: 3, step: 2, status: 'dry_run', sent: '2026-03-04T01:00:00Z', opened: true },
  { seq: 6, step: 1, status: 'sent', sent: '2026-02-24T08:00:00Z', opened: true },
  { seq: 6, step: 2, status: 'sent', sent: '2026-03-02T08:00:00Z', replied: true }, // sent in W10, cohort W09
  { seq: 7, step: 1, status: 'sent', sent: '2026-03-02T09:00:00Z' },
  { seq: 12, step: 1, status: 'sent', sent: '2025-12-15T12:00:00Z', replied: true },
  { seq: 13, step: 1, status: 'sent', sent: '2025-10-01T00:00:00Z', replied: true }, // sent in October, cohort September
];

export async function insertReportDataset(pool: Pick<pg.Pool, 'query'>): Promise<void> {
  for (const s of SEQUENCES) {
    await pool.query(
      `INSERT INTO lead_nurturing_sequences (id, lead_ext_id, email, sequence_name, total_steps, status, started_at, qualified_at, stream_revision, last_event_at)
       VALUES ($1, $2, $3, $4, 3, $5, $6, $7, 0, $6)`,
      [s.id, `lead-${s.id}`, `lead-${s.id}@example.com`, s.name, s.qualified ? 'qualified' : 'active', s.started, s.qualified ?? null],
    );
  }
  for (const e of EMAILS) {
    const at = (flag?: boolean) => (flag ? e.sent : null);
    await pool.query(
      `INSERT INTO lead_nurturing_events (id, sequence_id, lead_ext_id, email, step_number, status, sent_at, delivered_at, opened_at, clicked_at, replied_at, bounced_at, last_event_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($6, now()))`,
      [e.seq, `lead-${e.seq}`, `lead-${e.seq}@example.com`, e.step, e.status, e.sent ?? null, at(e.delivered), at(e.opened), at(e.clicked), at(e.replied), e.status === 'bounced' ? e.sent : null],
    );
  }
}
