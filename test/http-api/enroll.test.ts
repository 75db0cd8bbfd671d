// POST /sequences: enrolls a lead of `leads` in a template (chosen as a run would, or named).
import { type ApiFixture, enroll, insertLead, startApi } from './support/api.js';
import { VIP_TEMPLATE } from './support/templates.js';

describe('POST /sequences (enroll)', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApi();
    for (const ext_id of ['lead_a', 'lead_b', 'lead_c', 'lead_race']) await insertLead(f.t, { ext_id });
    await insertLead(f.t, { ext_id: 'lead_vip', priority: 'high', score: 20 });
  });
  afterAll(() => f.close());

  it('starts a sequence on the default template and records who asked', async () => {
    const res = await f.api.post('/sequences', { lead_ext_id: 'lead_a' }, { headers: { 'x-request-id': 'req-123' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ sequence_id: expect.any(Number), revision: 0, template: { id: expect.any(Number), name: 'default_cold_lead_nurturing' } });
    const detail = await f.api.get(`/sequences/${res.body.sequence_id}`);
    expect(detail.body.sequence).toMatchObject({ lead_ext_id: 'lead_a', email: 'lead_a@example.com', status: 'active', current_step: 0, total_steps: 3, base_score: 10 });
    const history = await f.api.get('/leads/lead_a/history');
    expect(history.body.events).toHaveLength(1);
    expect(history.body.events[0].metadata).toEqual({ command: 'StartSequence', source: 'http', requestId: 'req-123', apiKey: expect.stringMatching(/^sha256:[0-9a-f]{12}$/), route: 'POST /sequences' });
  });

  it('chooses the template a run would choose, or the one named by id or name, from the given instant', async () => {
    const vip = await f.api.post('/templates', VIP_TEMPLATE);
    expect(vip.status).toBe(201);
    const chosen = await f.api.post('/sequences', { lead_ext_id: 'lead_vip' });
    expect(chosen.body.template).toEqual({ id: vip.body.template.id, name: 'vip_nurturing' });
    const byName = await f.api.post('/sequences', { lead_ext_id: 'lead_b', template_name: 'vip_nurturing', now: '2025-01-15T10:30:00Z' });
    expect(byName.status).toBe(201);
    expect(byName.body.template.name).toBe('vip_nurturing');
    const seq = (await f.api.get(`/sequences/${byName.body.sequence_id}`)).body.sequence;
    expect(seq).toMatchObject({ sequence_name: 'vip_nurturing', total_steps: 2, started_at: '2025-01-15T10:30:00.000Z', next_send_at: '2025-01-15T10:30:00.000Z' });
    const byId = await f.api.post('/sequences', { lead_ext_id: 'lead_c', template_id: vip.body.template.id });
    expect(byId.body.template.name).toBe('vip_nurturing');
  });

  it('serialises concurrent enrollments of one lead: one 201, the others 409', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => f.api.post('/sequences', { lead_ext_id: 'lead_race' })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  });

  it('refuses a lead whose address is suppressed (a hard bounce stopped its earlier sequence)', async () => {
    await insertLead(f.t, { ext_id: 'lead_bounced' });
    await insertLead(f.t, { ext_id: 'lead_same_address', email: 'LEAD_BOUNCED@example.com' });
    const id = await enroll(f.api, 'lead_bounced');
    const bounce = await f.api.post(`/sequences/${id}/engagement`, { event_type: 'bounced', provider_event_id: 'b1', occurred_at: '2025-01-15T10:30:00Z' });
    expect(bounce.status).toBe(200);
    const res = await f.api.post('/sequences', { lead_ext_id: 'lead_same_address' });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/is on the suppression list/);
  });
});
