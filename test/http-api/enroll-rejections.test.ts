// POST /sequences refusals: each a clear error naming the problem, and nothing appended.
import { type ApiFixture, enroll, eventCount, insertLead, startApi } from './support/api.js';
import { VIP_TEMPLATE } from './support/templates.js';

describe('POST /sequences refuses, appending nothing', () => {
  let f: ApiFixture;
  let before = 0;
  beforeAll(async () => {
    f = await startApi();
    await insertLead(f.t, { ext_id: 'lead_a' });
    await insertLead(f.t, { ext_id: 'lead_d' });
    await insertLead(f.t, { ext_id: 'lead_no_email', email: null });
    await enroll(f.api, 'lead_a');
  });
  afterAll(() => f.close());

  beforeEach(async () => {
    before = await eventCount(f.t);
  });
  afterEach(async () => {
    expect(await eventCount(f.t)).toBe(before);
  });

  it.each([
    ['an unknown lead', { lead_ext_id: 'nobody' }, 404, /^lead_ext_id: no lead "nobody" in leads$/, undefined],
    ['a lead without email', { lead_ext_id: 'lead_no_email' }, 422, /has no email address/, 'lead_ext_id'],
    ['a lead already enrolled', { lead_ext_id: 'lead_a' }, 409, /^lead "lead_a" is already enrolled: sequence \d+ is active$/, undefined],
    ['an unknown template name', { lead_ext_id: 'lead_d', template_name: 'nope' }, 404, /^template_name: no template named "nope"$/, undefined],
    ['an unknown template id', { lead_ext_id: 'lead_d', template_id: 9999 }, 404, /^template_id: no template with id 9999$/, undefined],
    ['both template_id and template_name', { lead_ext_id: 'lead_d', template_id: 1, template_name: 'x' }, 422, /not both/, 'template_id'],
    ['an empty lead_ext_id', { lead_ext_id: ' ' }, 422, /must not be empty/, 'lead_ext_id'],
    ['a now that is no instant', { lead_ext_id: 'lead_d', now: 'tomorrow' }, 422, /ISO-8601/, 'now'],
  ])('%s', async (_, body, status, message, field) => {
    const res = await f.api.post('/sequences', body);
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
    expect(res.body.field).toBe(field);
  });

  it('a disabled template', async () => {
    const off = await f.api.post('/templates', { ...VIP_TEMPLATE, name: 'vip_off', enabled: false });
    const res = await f.api.post('/sequences', { lead_ext_id: 'lead_d', template_name: 'vip_off' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ field: 'template_name', message: 'template_name: template "vip_off" is disabled' });
    expect(off.status).toBe(201);
  });

  it.each([
    ['a missing lead_ext_id', {}, 'lead_ext_id must be a string'],
    ['a number for lead_ext_id', { lead_ext_id: 5 }, 'lead_ext_id must be a string'],
    ['a string for template_id', { lead_ext_id: 'lead_d', template_id: '3' }, 'template_id must be an integer number'],
    ['an unknown field', { lead_ext_id: 'lead_d', priority: 'high' }, 'property priority should not exist'],
  ])('400 for %s, naming the field', async (_, body, message) => {
    const res = await f.api.post('/sequences', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(message);
  });

  it('400 for malformed JSON', async () => {
    const res = await f.api.post('/sequences', undefined, { raw: '{"lead_ext_id": "lead_d",' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/JSON/);
  });
});
