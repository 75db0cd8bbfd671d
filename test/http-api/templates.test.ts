// GET /templates, POST /templates, PUT /templates/:id — every field validated, all errors at once.
import { type ApiFixture, startApi } from './support/api.js';
import { VIP_TEMPLATE } from './support/templates.js';

const step = (n: number, extra: Record<string, unknown> = {}) => ({ step: n, delay_days: n - 1, subject_template: `Hola {{first_name|}} ${n}`, body_template: 'Texto', ...extra });

describe('templates', () => {
  let f: ApiFixture;
  let vipId = 0;
  beforeAll(async () => {
    f = await startApi();
  });
  afterAll(() => f.close());

  it('accepts the specification\'s VIP example, reporting the total_steps mismatch as a warning', async () => {
    const res = await f.api.post('/templates', VIP_TEMPLATE);
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual(['total_steps is 3 but steps_config has 2 steps; using 2']);
    expect(res.body.template).toMatchObject({ ...VIP_TEMPLATE, id: expect.any(Number), created_at: expect.any(String), updated_at: expect.any(String) });
    vipId = res.body.template.id;
  });

  it('lists every template with whether runs can use it, including rows analysts inserted by SQL', async () => {
    await f.t.db.pool.query(
      `INSERT INTO nurturing_sequence_templates (name, total_steps, steps_config) VALUES ('broken_by_sql', 1, '[{"step": 2, "delay_days": 0, "subject_template": "x", "body_template": "y"}]')`,
    );
    const res = await f.api.get('/templates');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { template: { name: string }; valid: boolean }) => [i.template.name, i.valid])).toEqual([['vip_nurturing', true], ['broken_by_sql', false]]);
    expect(res.body.items[0].warnings).toHaveLength(1);
    expect(res.body.items[1].errors).toEqual([{ field: 'steps_config', message: 'steps must be numbered 1..1 without gaps, found 2' }]);
  });

  it('422 listing every invalid field of steps_config and the rest, nothing stored', async () => {
    const res = await f.api.post('/templates', {
      name: 'bad',
      min_score: 90,
      max_score: 10,
      steps_config: [step(1, { delay_days: -1, subject_template: '' }), step(2, { body_template: 'Hi {{first_name' }), 'x'],
    });
    expect(res.status).toBe(422);
    expect(res.body.field).toBe('min_score');
    expect(res.body.message).toEqual([
      'min_score: must be <= max_score (90 > 10)',
      'steps_config[0].delay_days: must be a number >= 0',
      'steps_config[0].subject_template: must be a non-empty string',
      'steps_config[1].body_template: "{{" without a matching "}}" at position 3',
      'steps_config[2]: must be an object with step, delay_days, subject_template, body_template',
    ]);
    expect((await f.api.get('/templates')).body.items).toHaveLength(2);
  });

  it.each([
    [{ ...VIP_TEMPLATE, name: ' ' }, 'name'],
    [{ ...VIP_TEMPLATE, name: 'empty', steps_config: [] }, 'steps_config'],
    [{ ...VIP_TEMPLATE, name: 'dup', steps_config: [step(1), step(1)] }, 'steps_config[1].step'],
  ])('422 naming the field (%#)', async (body, field) => {
    const res = await f.api.post('/templates', body);
    expect(res).toMatchObject({ status: 422, body: { field } });
  });

  it.each([
    [{ ...VIP_TEMPLATE, steps_config: 'x' }, 'steps_config must be an array'],
    [{ ...VIP_TEMPLATE, min_score: '10' }, 'min_score must be an integer number'],
    [{ ...VIP_TEMPLATE, enabled: 'yes' }, 'enabled must be a boolean value'],
    [{ ...VIP_TEMPLATE, owner: 'me' }, 'property owner should not exist'],
  ])('400 for a wrong type or unknown field (%#)', async (body, message) => {
    const res = await f.api.post('/templates', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(message);
  });

  it('409 for a name another template has', async () => {
    const res = await f.api.post('/templates', VIP_TEMPLATE);
    expect(res).toMatchObject({ status: 409, body: { message: 'a template named "vip_nurturing" already exists' } });
  });

  it('replaces a template with PUT', async () => {
    const before = (await f.api.get('/templates')).body.items[0].template;
    const res = await f.api.put(`/templates/${vipId}`, { ...VIP_TEMPLATE, description: 'VIP v2', total_steps: null, steps_config: [step(1), step(2), step(3)] });
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual(['total_steps is missing; using 3']);
    expect(res.body.template).toMatchObject({ id: vipId, description: 'VIP v2', total_steps: 3, created_at: before.created_at });
    expect(Date.parse(res.body.template.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
  });

  it('PUT answers 404 for an unknown id, 409 for a taken name, 422 for an invalid template', async () => {
    expect(await f.api.put('/templates/9999', VIP_TEMPLATE)).toMatchObject({ status: 404, body: { message: 'template 9999 not found' } });
    expect((await f.api.put(`/templates/${vipId}`, { ...VIP_TEMPLATE, name: 'broken_by_sql' })).status).toBe(409);
    expect(await f.api.put(`/templates/${vipId}`, { ...VIP_TEMPLATE, steps_config: [] })).toMatchObject({ status: 422, body: { field: 'steps_config' } });
    expect(await f.api.put('/templates/first', VIP_TEMPLATE)).toMatchObject({ status: 400, body: { field: 'id' } });
  });

  it('422 for a placeholder naming no lead field, naming the field, the placeholder and what was meant; nothing stored', async () => {
    const before = (await f.api.get('/templates')).body.items.length;
    const res = await f.api.post('/templates', {
      ...VIP_TEMPLATE,
      name: 'typo',
      steps_config: [{ ...VIP_TEMPLATE.steps_config[0], subject_template: '{{frist_name}}, acceso VIP' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.field).toBe('steps_config[0].subject_template');
    expect(res.body.message).toEqual([expect.stringMatching(
      /^steps_config\[0\]\.subject_template: unknown placeholder \{\{frist_name\}\} \(did you mean \{\{first_name\}\}\? known fields: first_name, /,
    )]);
    expect((await f.api.get('/templates')).body.items).toHaveLength(before);
  });

  it('accepts default_fallback on POST and PUT and lists it; null by default', async () => {
    const created = await f.api.post('/templates', { ...VIP_TEMPLATE, name: 'with_default', default_fallback: 'amigo' });
    expect(created).toMatchObject({ status: 201, body: { template: { name: 'with_default', default_fallback: 'amigo' } } });
    const id = created.body.template.id;
    const listed = (await f.api.get('/templates')).body.items;
    expect(listed.find((i: { template: { id: number } }) => i.template.id === id).template.default_fallback).toBe('amigo');
    expect(listed.find((i: { template: { id: number } }) => i.template.id === vipId).template.default_fallback).toBeNull();

    expect(await f.api.put(`/templates/${id}`, { ...VIP_TEMPLATE, name: 'with_default', default_fallback: 'cliente' })).toMatchObject({ status: 200, body: { template: { default_fallback: 'cliente' } } });
    expect(await f.api.put(`/templates/${id}`, { ...VIP_TEMPLATE, name: 'with_default' })).toMatchObject({ status: 200, body: { template: { default_fallback: null } } });
  });

  it.each([
    ['x'.repeat(101), 422, 'default_fallback: must be at most 100 characters (101)'],
    ['{{first_name}}', 422, 'default_fallback: must be plain text, without {{ or }}'],
    ['a\nb', 422, 'default_fallback: must be one line (it is used in subjects too)'],
    [7, 400, 'default_fallback must be a string'],
  ])('rejects default_fallback %j, naming the field, and changes nothing', async (value, status, message) => {
    const before = (await f.api.get('/templates')).body.items;
    const res = await f.api.post('/templates', { ...VIP_TEMPLATE, name: 'bad_default', default_fallback: value });
    expect(res.status).toBe(status);
    if (status === 422) expect(res.body).toMatchObject({ field: 'default_fallback', message: [message] });
    else expect(res.body.message).toContain(message);
    expect((await f.api.get('/templates')).body.items).toEqual(before);
  });
});
