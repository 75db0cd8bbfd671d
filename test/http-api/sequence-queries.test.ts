// GET /sequences (filters, keyset pagination) and GET /sequences/:id (with emails and summary).
import { EmailSink } from '../support/email-sink.js';
import { type ApiFixture, enroll, insertLead, startApi } from './support/api.js';
import { VIP_TEMPLATE } from './support/templates.js';

const idsOf = (body: { items: { id: number }[] }): number[] => body.items.map((s) => s.id);

describe('sequence queries', () => {
  let f: ApiFixture;
  let ids: number[] = [];
  let vipId = 0;
  const sink = new EmailSink();
  beforeAll(async () => {
    await sink.start();
    f = await startApi();
    vipId = (await f.api.post('/templates', VIP_TEMPLATE)).body.template.id;
    for (let i = 1; i <= 7; i++) await insertLead(f.t, { ext_id: `lead_${i}` });
    for (let i = 1; i <= 7; i++) ids.push(await enroll(f.api, `lead_${i}`, i > 5 ? { template_name: 'vip_nurturing' } : {}));
    for (const id of [ids[1], ids[6]]) await f.api.post(`/sequences/${id}/pause`);
    ids = ids.sort((a, b) => a - b);
  });
  afterAll(async () => {
    await f.close();
    await sink.stop();
  });

  it('pages through every sequence in id order with next_cursor', async () => {
    const first = await f.api.get('/sequences?limit=3');
    expect(first.status).toBe(200);
    expect(idsOf(first.body)).toEqual(ids.slice(0, 3));
    expect(first.body.next_cursor).toBe(String(ids[2]));
    const second = await f.api.get(`/sequences?limit=3&cursor=${first.body.next_cursor}`);
    expect(idsOf(second.body)).toEqual(ids.slice(3, 6));
    const last = await f.api.get(`/sequences?limit=3&cursor=${second.body.next_cursor}`);
    expect(idsOf(last.body)).toEqual(ids.slice(6));
    expect(last.body.next_cursor).toBeNull();
    const all = await f.api.get('/sequences');
    expect(all.body).toMatchObject({ next_cursor: null });
    expect(all.body.items).toHaveLength(7);
    expect(all.body.items[0]).toMatchObject({ id: ids[0], lead_ext_id: 'lead_1', status: 'active', sequence_name: 'default_cold_lead_nurturing', stream_revision: 0 });
    expect(all.body.items[0].started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('filters by status, lead and template (name or id), combined', async () => {
    expect(idsOf((await f.api.get('/sequences?status=paused')).body)).toEqual([ids[1], ids[6]]);
    expect(idsOf((await f.api.get('/sequences?lead_ext_id=lead_4')).body)).toEqual([ids[3]]);
    expect(idsOf((await f.api.get('/sequences?template=vip_nurturing')).body)).toEqual([ids[5], ids[6]]);
    expect(idsOf((await f.api.get(`/sequences?template=${vipId}`)).body)).toEqual([ids[5], ids[6]]);
    expect(idsOf((await f.api.get('/sequences?template=vip_nurturing&status=active')).body)).toEqual([ids[5]]);
    expect(idsOf((await f.api.get('/sequences?status=qualified')).body)).toEqual([]);
  });

  it.each([
    ['status=done', 422, 'status'],
    ['limit=0', 422, 'limit'],
    ['limit=501', 422, 'limit'],
    ['cursor=abc', 422, 'cursor'],
    ['lead_ext_id=', 422, 'lead_ext_id'],
  ])('422 for ?%s, naming the field', async (query, status, field) => {
    const res = await f.api.get(`/sequences?${query}`);
    expect(res.status).toBe(status);
    expect(res.body.field).toBe(field);
  });

  it.each([
    ['limit=ten', 'limit must be an integer number'],
    ['sort=id', 'property sort should not exist'],
    ['status=active&status=paused', 'status must be a string'],
  ])('400 for ?%s, naming the parameter', async (query, message) => {
    const res = await f.api.get(`/sequences?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(message);
  });

  it('shows one sequence with its emails and engagement summary', async () => {
    const run = await f.admin.post('/runs', { parameters: { email_webhook_url: sink.url } });
    expect(run.status).toBe(200);
    await f.api.post(`/sequences/${ids[0]}/engagement`, { event_type: 'opened', provider_event_id: 'o1', occurred_at: new Date().toISOString(), step: 1 });
    const res = await f.api.get(`/sequences/${ids[0]}`);
    expect(res.status).toBe(200);
    expect(res.body.sequence).toMatchObject({ id: ids[0], current_step: 1, status: 'active' });
    expect(res.body.emails).toEqual([
      expect.objectContaining({ sequence_id: ids[0], step_number: 1, status: 'sent', open_count: 1, opened_at: expect.any(String), subject: 'Ana, a quick idea for you' }),
    ]);
    expect(res.body.engagement_summary).toMatchObject({ sequence_id: ids[0], total_opens: 1 });
  });

  it('404 for an unknown sequence, 400 for an id that is not one', async () => {
    expect(await f.api.get('/sequences/99999')).toMatchObject({ status: 404, body: { message: 'sequence 99999 not found' } });
    expect(await f.api.get('/sequences/x1')).toMatchObject({ status: 400, body: { field: 'id' } });
  });
});
