import { reportFileKey, runExportKey } from './export-keys.js';

describe('export keys', () => {
  it('files a run under its export day and a report under its kind and label', () => {
    expect(runExportKey('lead_nurturing/metrics', 'run_20260302T0900_ab12cd', '2026-03-02T09:00:05.123Z')).toBe('lead_nurturing/metrics/runs/2026/03/02/run_20260302T0900_ab12cd.json');
    expect(reportFileKey('lead_nurturing/metrics', 'weekly', '2026-W09', 'weekly-2026-W09.csv')).toBe('lead_nurturing/metrics/reports/weekly/2026-W09/weekly-2026-W09.csv');
  });

  it('ignores slashes around s3_path; an empty path writes at the root', () => {
    expect(runExportKey('/exports/', 'r1', '2026-01-31T23:59:59Z')).toBe('exports/runs/2026/01/31/r1.json');
    expect(reportFileKey('', 'monthly', '2026-11', 'a.json')).toBe('reports/monthly/2026-11/a.json');
  });
});
