// GET /reports, /reports/:id, /reports/:id/csv, /reports/:id/html over real HTTP, with the read key,
// on reports generated from the hand-built dataset.
import { parsePeriod } from '../../src/domain/reports/report-period.js';
import { createReportGenerator } from '../../src/infrastructure/reports/create-report-generator.js';
import { type ApiFixture, READ_KEY, startApi } from '../http-api/support/api.js';
import { insertReportDataset } from './support/report-dataset.js';

describe('GET /reports', () => {
  let f: ApiFixture;
  const raw = (path: string) => fetch(`${f.app.url}${path}`, { headers: { authorization: `Bearer ${READ_KEY}` } });
  beforeAll(async () => {
    f = await startApi();
    await insertReportDataset(f.t.db.pool);
    const generator = createReportGenerator(f.t.db.pool);
    await generator.generate(parsePeriod('weekly', '2026-W09'), { now: '2026-03-10T09:00:00.000Z' });
    await generator.generate(parsePeriod('weekly', '2026-W10'), { minSends: 2, now: '2026-03-16T09:00:00.000Z' });
    await generator.generate(parsePeriod('monthly', '2026-03'), { now: '2026-04-01T09:00:00.000Z' });
  });
  afterAll(() => f.close());

  it('lists the stored reports, newest period first, with the read key; ?kind= and ?limit= narrow it', async () => {
    const res = await f.api.get('/reports', { key: READ_KEY });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual(['weekly-2026-W10', 'monthly-2026-03', 'weekly-2026-W09']); // starts Mar 2, Mar 1, Feb 23
    expect(res.body.items[0]).toEqual({ id: 'weekly-2026-W10', kind: 'weekly', label: '2026-W10', start: '2026-03-02T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z', generated_at: '2026-03-16T09:00:00.000Z' });
    expect((await f.api.get('/reports?kind=monthly', { key: READ_KEY })).body.items.map((r: { id: string }) => r.id)).toEqual(['monthly-2026-03']);
    expect((await f.api.get('/reports?limit=1', { key: READ_KEY })).body.items).toHaveLength(1);
  });

  it.each([
    ['kind=yearly', 'kind'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
  ])('422 for ?%s, naming the field', async (query, field) => {
    expect(await f.api.get(`/reports?${query}`, { key: READ_KEY })).toMatchObject({ status: 422, body: { field } });
  });

  it('answers the report object', async () => {
    const res = await f.api.get('/reports/weekly-2026-W10', { key: READ_KEY });
    expect(res.status).toBe(200);
    // 8 started in W10, 3 qualified (see report-figures.test.ts); ranks with min_sends 2.
    expect(res.body).toMatchObject({ id: 'weekly-2026-W10', min_sends: 2, summary: { total_sequences_started: 8, leads_qualified: 3, previous: { total_sequences_started: 2 } } });
    expect(res.body.top_steps.map((s: { sequence_name: string }) => s.sequence_name)).toEqual(['Alpha', 'Beta']);
  });

  it('serves the main CSV, the named ones, and the HTML with their content types', async () => {
    const weekly = await raw('/reports/weekly-2026-W10/csv');
    expect(weekly.status).toBe(200);
    expect(weekly.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(weekly.headers.get('content-disposition')).toBe('attachment; filename=weekly-2026-W10.csv');
    expect((await weekly.text()).split('\r\n')[1]).toBe('2026-03-02,2,1,50,3,66.67,33.33,33.33,2,3,1,2,1,1');

    const steps = await raw('/reports/monthly-2026-03/csv?name=top-steps');
    expect(steps.status).toBe(200);
    // min_sends 20: no step ranks; the four are listed with an empty rank.
    expect((await steps.text()).split('\r\n').slice(0, 2)).toEqual([
      'rank,sequence_name,step_number,emails_sent,emails_opened,emails_clicked,emails_replied,reply_rate_pct', ',Alpha,1,2,1,0,1,50',
    ]);

    const html = await raw('/reports/monthly-2026-03/html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('monthly-2026-03');
  });

  it('404 for an unknown report (JSON, CSV, HTML); 422 for a CSV name the report lacks', async () => {
    for (const path of ['/reports/weekly-2026-W11', '/reports/weekly-2026-W11/csv', '/reports/nothing/html']) {
      expect(await f.api.get(path, { key: READ_KEY })).toMatchObject({ status: 404 });
    }
    expect(await f.api.get('/reports/monthly-2026-03/csv?name=secrets', { key: READ_KEY })).toMatchObject({ status: 422, body: { field: 'name' } });
    expect(await f.api.get('/reports/weekly-2026-W10/csv?name=trends', { key: READ_KEY })).toMatchObject({ status: 422, body: { field: 'name' } });
  });

  it('401 without a key', async () => {
    expect((await f.api.get('/reports', { key: null })).status).toBe(401);
  });
});
