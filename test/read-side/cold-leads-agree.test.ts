// The cold-lead rule is the domain's (`isColdLead`, `selectColdLeads`); runs apply it in SQL, set-based
// (SqlLeadSource). This property holds the two together on a real database: for random lead tables,
// suppression lists and sequences, the SQL picks exactly the leads the domain rule picks, in its order.
import fc from 'fast-check';
import { ENROLLMENT_BLOCKING_STATUSES, COLD_PRIORITY, COLD_SCORE_LIMIT, coldLeadWindowStart, selectColdLeads } from '../../src/domain/leads/cold-lead-policy.js';
import { suppressionKeyOf } from '../../src/domain/suppression/suppression.js';
import { SqlLeadSource } from '../../src/infrastructure/leads/sql-lead-source.js';
import { insertLeads, type LeadRow } from '../support/leads.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const NOW = '2026-06-15T10:00:00.000Z';
const DAY = 86_400_000;
const STATUSES = ['active', 'paused', 'qualified', 'completed', 'stopped'] as const;

interface Case {
  leads: (LeadRow & { suppressed: boolean; sequence: (typeof STATUSES)[number] | null })[];
  limit: number;
}

const leadArb = fc.record({
  email: fc.constantFrom(null, '', '   ', '\t', ' \n', '\u00a0', '\u2003', 'a@example.com', ' B@Example.com ', '\tc@example.com', 'd@example.com'),
  score: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 }), fc.constantFrom(49, 50)),
  priority: fc.constantFrom(null, 'low', 'high', 'medium', 'Low'),
  // Around the 90-day window's edge (the UTC day of NOW, minus 90 days), and well inside it.
  ageMs: fc.oneof(fc.integer({ min: 89 * DAY, max: 92 * DAY }), fc.integer({ min: 0, max: 120 * DAY })),
  suppressed: fc.boolean(),
  sequence: fc.constantFrom(null, null, null, null, ...STATUSES),
});

const caseArb: fc.Arbitrary<Case> = fc
  .record({ leads: fc.array(leadArb, { maxLength: 40 }), limit: fc.integer({ min: 0, max: 45 }), caseOf: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }) })
  .map(({ leads, limit, caseOf }) => ({
    limit,
    leads: leads.map((l, i) => ({
      // Mixed case: the tie-break on ext_id must not depend on the database's collation.
      ext_id: `${caseOf[i] ? 'L' : 'l'}ead_${String(i % 7).padStart(2, '0')}_${i}`,
      email: l.email,
      score: l.score,
      priority: l.priority,
      // Several leads share a creation instant, so the tie-break is exercised.
      created_at: new Date(Date.parse(NOW) - l.ageMs - (l.ageMs % 3) * 1000).toISOString(),
      suppressed: l.suppressed,
      sequence: l.sequence,
    })),
  }));

describe('cold leads: SQL agrees with the domain rule', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('picks the same leads, in the same order, up to the limit', async () => {
    const source = new SqlLeadSource(t.db.pool);
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ leads, limit }) => {
        await t.db.pool.query('TRUNCATE leads, lead_nurturing_suppressions, lead_nurturing_sequences');
        await insertLeads(t.db.pool, leads.map(({ suppressed: _s, sequence: _q, ...row }) => row));
        const suppressed = [...new Set(leads.filter((l) => l.suppressed && l.email?.trim()).map((l) => suppressionKeyOf(l.email!)))];
        if (suppressed.length > 0) {
          await t.db.pool.query(`INSERT INTO lead_nurturing_suppressions (email, reason) SELECT unnest($1::text[]), 'manual'`, [suppressed]);
        }
        const withSequence = leads.filter((l) => l.sequence !== null);
        for (const [i, l] of withSequence.entries()) {
          await t.db.pool.query(
            `INSERT INTO lead_nurturing_sequences (id, lead_ext_id, email, sequence_name, total_steps, status, started_at, stream_revision, last_event_at)
             VALUES ($1, $2, 'x@example.com', 'default', 3, $3, $4, 0, $4)`,
            [i + 1, l.ext_id, l.sequence, NOW],
          );
        }
        const isSuppressed = new Set(suppressed);
        const expected = selectColdLeads(
          leads.map((l) => ({ ...l, extId: l.ext_id, createdAt: l.created_at })),
          (l) => ({
            now: NOW,
            suppressed: l.email !== null && isSuppressed.has(suppressionKeyOf(l.email)),
            hasOpenSequence: l.sequence !== null && ENROLLMENT_BLOCKING_STATUSES.includes(l.sequence),
          }),
          limit,
        ).map((l) => l.extId);
        const actual = await source.findColdLeads({
          createdSince: coldLeadWindowStart(NOW),
          scoreBelow: COLD_SCORE_LIMIT,
          priority: COLD_PRIORITY,
          openStatuses: ENROLLMENT_BLOCKING_STATUSES,
          limit,
        });
        expect(actual.map((l) => l.extId)).toEqual(expected);
      }),
      {
        numRuns: 60,
        // An address of only a tab or a no-break space is no address (the domain trims it away).
        examples: ['\t', '\u00a0'].map((email): [Case] => [{ limit: 10, leads: [{ ext_id: 'lead_blank', email, score: 10, priority: 'low', created_at: NOW, suppressed: false, sequence: null }] }]),
      },
    );
  });
});
