import { ValidationError } from '../shared/errors.js';
import {
  COLD_LEAD_WINDOW_DAYS,
  COLD_PRIORITY,
  COLD_SCORE_LIMIT,
  coldLeadWindowStart,
  isColdLead,
  OPEN_SEQUENCE_STATUSES,
  selectColdLeads,
  type ColdLeadCandidate,
  type ColdLeadContext,
} from './cold-lead-policy.js';

const NOW = '2025-04-10T15:30:00.000Z';
const WINDOW_START = '2025-01-10T00:00:00.000Z'; // 2025-04-10 minus 90 days, at 00:00 UTC
const ctx: ColdLeadContext = { now: NOW, suppressed: false, hasOpenSequence: false };
const lead = (overrides: Partial<ColdLeadCandidate> = {}): ColdLeadCandidate => ({
  email: 'ana@example.com',
  score: 10,
  priority: 'low',
  createdAt: '2025-03-01T00:00:00.000Z',
  ...overrides,
});

describe('constants', () => {
  it('are the specification values', () => {
    expect([COLD_SCORE_LIMIT, COLD_PRIORITY, COLD_LEAD_WINDOW_DAYS]).toEqual([50, 'low', 90]);
    expect(OPEN_SEQUENCE_STATUSES).toEqual(['active', 'paused', 'qualified']);
  });
});

describe('coldLeadWindowStart', () => {
  it('is the start of the UTC day of now, minus 90 days', () => {
    expect(coldLeadWindowStart(NOW)).toBe(WINDOW_START);
    expect(coldLeadWindowStart('2025-04-10T00:00:00.000Z')).toBe(WINDOW_START);
    expect(coldLeadWindowStart('2025-04-10T23:59:59.999Z')).toBe(WINDOW_START);
    expect(coldLeadWindowStart('2025-04-11T01:00:00+02:00')).toBe(WINDOW_START); // still the 10th in UTC
  });

  it('rejects a bad instant', () => {
    expect(() => coldLeadWindowStart('nope')).toThrow(ValidationError);
  });
});

describe('isColdLead', () => {
  it('accepts a typical cold lead, and null score and priority', () => {
    expect(isColdLead(lead(), ctx)).toBe(true);
    expect(isColdLead(lead({ score: null, priority: null }), ctx)).toBe(true);
  });

  it('needs an email', () => {
    expect(isColdLead(lead({ email: null }), ctx)).toBe(false);
    expect(isColdLead(lead({ email: '  ' }), ctx)).toBe(false);
  });

  it('needs a score below 50', () => {
    expect(isColdLead(lead({ score: 49 }), ctx)).toBe(true);
    expect(isColdLead(lead({ score: 49.9 }), ctx)).toBe(true);
    expect(isColdLead(lead({ score: 50 }), ctx)).toBe(false);
  });

  it('needs no priority or a low one', () => {
    expect(isColdLead(lead({ priority: 'medium' }), ctx)).toBe(false);
    expect(isColdLead(lead({ priority: 'high' }), ctx)).toBe(false);
    expect(isColdLead(lead({ priority: 'LOW' }), ctx)).toBe(false); // SQL `=` is case-sensitive
  });

  it('needs the lead created within the window, from its first instant', () => {
    expect(isColdLead(lead({ createdAt: WINDOW_START }), ctx)).toBe(true);
    expect(isColdLead(lead({ createdAt: '2025-01-09T23:59:59.999Z' }), ctx)).toBe(false);
    expect(isColdLead(lead({ createdAt: 'garbage' }), ctx)).toBe(false);
  });

  it('excludes suppressed addresses and leads with an open sequence', () => {
    expect(isColdLead(lead(), { ...ctx, suppressed: true })).toBe(false);
    expect(isColdLead(lead(), { ...ctx, hasOpenSequence: true })).toBe(false);
  });
});

describe('selectColdLeads', () => {
  const leads = [
    { ...lead({ createdAt: '2025-03-03T00:00:00.000Z' }), extId: 'c' },
    { ...lead({ createdAt: '2025-03-01T00:00:00.000Z' }), extId: 'b' },
    { ...lead({ createdAt: '2025-03-01T00:00:00.000Z' }), extId: 'a' },
    { ...lead({ score: 80, createdAt: '2025-02-01T00:00:00.000Z' }), extId: 'hot' },
    { ...lead({ createdAt: '2025-02-02T00:00:00.000Z' }), extId: 'enrolled' },
  ];
  const contextOf = (l: { extId: string }): ColdLeadContext => ({ ...ctx, hasOpenSequence: l.extId === 'enrolled' });

  it('keeps the cold ones, oldest first then by ext id', () => {
    expect(selectColdLeads(leads, contextOf, 100).map((l) => l.extId)).toEqual(['a', 'b', 'c']);
  });

  it('takes at most max_leads_per_run', () => {
    expect(selectColdLeads(leads, contextOf, 2).map((l) => l.extId)).toEqual(['a', 'b']);
    expect(selectColdLeads(leads, contextOf, 0)).toEqual([]);
  });

  it('rejects a bad max_leads_per_run, naming it', () => {
    expect(() => selectColdLeads(leads, contextOf, -1)).toThrow(expect.objectContaining({ field: 'max_leads_per_run' }));
    expect(() => selectColdLeads(leads, contextOf, 1.5)).toThrow(ValidationError);
  });
});
