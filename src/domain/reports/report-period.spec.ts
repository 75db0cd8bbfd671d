import { ValidationError } from '../shared/errors.js';
import { lastCompletePeriod, parsePeriod, periodOf, previousPeriod } from './report-period.js';

describe('report periods', () => {
  it('names ISO weeks as the calendar does, across year ends', () => {
    expect(periodOf('weekly', '2026-12-02T10:00:00Z')).toEqual({ kind: 'weekly', label: '2026-W49', start: '2026-11-30T00:00:00.000Z', end: '2026-12-07T00:00:00.000Z' });
    // 2021-01-03 (a Sunday) is in 2020's week 53; 2024-12-30 (a Monday) starts 2025-W01.
    expect(periodOf('weekly', '2021-01-03T23:59:59Z').label).toBe('2020-W53');
    expect(periodOf('weekly', '2024-12-30T00:00:00Z')).toMatchObject({ label: '2025-W01', start: '2024-12-30T00:00:00.000Z' });
    expect(parsePeriod('weekly', '2020-W53').start).toBe('2020-12-28T00:00:00.000Z');
    expect(parsePeriod('weekly', '2026-W48')).toEqual(periodOf('weekly', '2026-11-25T12:00:00Z'));
  });

  it('names calendar months in UTC', () => {
    expect(periodOf('monthly', '2026-12-01T00:00:00Z')).toEqual({ kind: 'monthly', label: '2026-12', start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' });
    expect(periodOf('monthly', '2026-11-30T23:59:59.999Z').label).toBe('2026-11');
    expect(parsePeriod('monthly', '2026-02')).toMatchObject({ start: '2026-02-01T00:00:00.000Z', end: '2026-03-01T00:00:00.000Z' });
  });

  it('gives the last complete period and the previous one', () => {
    expect(lastCompletePeriod('weekly', '2026-12-02T10:00:00Z').label).toBe('2026-W48');
    // At the start of a week, the week just ended is the last complete one.
    expect(lastCompletePeriod('weekly', '2026-11-30T00:00:00Z').label).toBe('2026-W48');
    expect(lastCompletePeriod('monthly', '2026-12-02T10:00:00Z').label).toBe('2026-11');
    expect(lastCompletePeriod('monthly', '2026-01-01T09:00:00Z').label).toBe('2025-12');
    expect(previousPeriod(parsePeriod('weekly', '2026-W01')).label).toBe('2025-W52');
    expect(previousPeriod(parsePeriod('monthly', '2026-01')).label).toBe('2025-12');
  });

  it('refuses labels that name no period, naming the field', () => {
    for (const [kind, label] of [['weekly', '2026-W54'], ['weekly', '2026-W00'], ['weekly', '2026-48'], ['monthly', '2026-13'], ['monthly', '2026-W48']] as const) {
      expect(() => parsePeriod(kind, label)).toThrow(ValidationError);
      try {
        parsePeriod(kind, label, '--period');
      } catch (error) {
        expect((error as ValidationError).field).toBe('--period');
      }
    }
    expect(parsePeriod('weekly', '2026-W53').label).toBe('2026-W53'); // 2026 has 53 ISO weeks
  });
});
