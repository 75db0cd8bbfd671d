import { validateTemplate, type TemplateInput } from './template.js';

// The specification's own example ("Crear Template Personalizado"), verbatim: total_steps 3, two steps.
const SPEC_VIP_STEPS_CONFIG = `[
        {
            "step": 1,
            "delay_days": 0,
            "subject_template": "{{first_name}}, acceso VIP",
            "body_template": "Contenido personalizado para VIP..."
        },
        {
            "step": 2,
            "delay_days": 2,
            "subject_template": "{{first_name}}, seguimiento VIP",
            "body_template": "..."
        }
    ]`;

const vip: TemplateInput = {
  name: 'vip_nurturing',
  description: 'Secuencia para leads VIP',
  priority_filter: 'high',
  min_score: 0,
  max_score: 100,
  total_steps: 3,
  steps_config: JSON.parse(SPEC_VIP_STEPS_CONFIG),
  enabled: true,
};

const step = (n: number, overrides: Record<string, unknown> = {}) => ({
  step: n,
  delay_days: n === 1 ? 0 : 2,
  subject_template: `Subject ${n}`,
  body_template: `Body ${n}`,
  ...overrides,
});

const errorsOf = (input: Record<string, unknown>) => {
  const result = validateTemplate({ ...vip, total_steps: 2, ...input } as unknown as TemplateInput);
  return result.ok ? [] : result.errors;
};
const fieldsOf = (input: Record<string, unknown>) => errorsOf(input).map((e) => e.field);

describe('validateTemplate: the specification example', () => {
  it('accepts the VIP template, reporting the total_steps mismatch', () => {
    const result = validateTemplate(vip);
    expect(result).toEqual({
      ok: true,
      warnings: ['total_steps is 3 but steps_config has 2 steps; using 2'],
      template: {
        id: null,
        name: 'vip_nurturing',
        description: 'Secuencia para leads VIP',
        priorityFilter: 'high',
        minScore: 0,
        maxScore: 100,
        declaredTotalSteps: 3,
        totalSteps: 2,
        steps: [
          { step: 1, delayDays: 0, subjectTemplate: '{{first_name}}, acceso VIP', bodyTemplate: 'Contenido personalizado para VIP...' },
          { step: 2, delayDays: 2, subjectTemplate: '{{first_name}}, seguimiento VIP', bodyTemplate: '...' },
        ],
        enabled: true,
        defaultFallback: null,
        stopOnReply: null,
      },
    });
  });

  it('accepts steps_config as JSON text too', () => {
    const result = validateTemplate({ ...vip, steps_config: SPEC_VIP_STEPS_CONFIG });
    expect(result.ok && result.template.totalSteps).toBe(2);
  });
});

describe('validateTemplate: columns', () => {
  it('needs a name', () => {
    expect(fieldsOf({ name: '' })).toEqual(['name']);
    expect(fieldsOf({ name: '   ' })).toEqual(['name']);
  });

  it('needs integer scores with min <= max', () => {
    expect(fieldsOf({ min_score: 60, max_score: 50 })).toEqual(['min_score']);
    expect(fieldsOf({ min_score: 50, max_score: 50 })).toEqual([]);
    expect(fieldsOf({ min_score: 1.5 })).toEqual(['min_score']);
    expect(fieldsOf({ max_score: '100' })).toEqual(['max_score']);
  });

  it('reads null score bounds as 0..100', () => {
    const result = validateTemplate({ ...vip, min_score: null, max_score: null });
    expect(result.ok && [result.template.minScore, result.template.maxScore]).toEqual([0, 100]);
  });

  it('checks the other columns', () => {
    expect(fieldsOf({ priority_filter: '' })).toEqual(['priority_filter']);
    expect(fieldsOf({ enabled: 'yes' })).toEqual(['enabled']);
    expect(fieldsOf({ total_steps: 0 })).toEqual(['total_steps']);
    expect(fieldsOf({ id: -1 })).toEqual(['id']);
  });

  it('defaults enabled to true and keeps an explicit false', () => {
    const { enabled: _omitted, ...withoutEnabled } = vip;
    const absent = validateTemplate(withoutEnabled);
    const disabled = validateTemplate({ ...vip, enabled: false });
    expect(absent.ok && absent.template.enabled).toBe(true);
    expect(disabled.ok && disabled.template.enabled).toBe(false);
  });

  it('warns when total_steps is missing', () => {
    const result = validateTemplate({ ...vip, total_steps: null });
    expect(result.ok && result.warnings).toEqual(['total_steps is missing; using 2']);
  });

  it('reports every error at once', () => {
    expect(fieldsOf({ name: '', min_score: 9, max_score: 1, steps_config: [] })).toEqual(['name', 'min_score', 'steps_config']);
  });
});

describe('validateTemplate: steps_config', () => {
  it('needs a non-empty array of objects', () => {
    expect(fieldsOf({ steps_config: [] })).toEqual(['steps_config']);
    expect(fieldsOf({ steps_config: null })).toEqual(['steps_config']);
    expect(fieldsOf({ steps_config: '{not json' })).toEqual(['steps_config']);
    expect(fieldsOf({ steps_config: { step: 1 } })).toEqual(['steps_config']);
    expect(fieldsOf({ steps_config: [step(1), 'two'] })).toEqual(['steps_config[1]']);
  });

  it('names the field of each bad step', () => {
    expect(fieldsOf({ steps_config: [step(1), step(2, { delay_days: -1 })] })).toEqual(['steps_config[1].delay_days']);
    expect(fieldsOf({ steps_config: [step(1), step(2, { delay_days: '2' })] })).toEqual(['steps_config[1].delay_days']);
    expect(fieldsOf({ steps_config: [step(1, { step: 0 })] })).toEqual(['steps_config[0].step']);
    expect(fieldsOf({ steps_config: [step(1, { step: 1.5 })] })).toEqual(['steps_config[0].step']);
    expect(fieldsOf({ steps_config: [step(1, { subject_template: ' ' })] })).toEqual(['steps_config[0].subject_template']);
    expect(fieldsOf({ steps_config: [step(1, { body_template: 3 })] })).toEqual(['steps_config[0].body_template']);
  });

  it('allows an empty body', () => {
    expect(fieldsOf({ steps_config: [step(1, { body_template: '' })] })).toEqual([]);
  });

  it('sorts the steps and needs them unique and consecutive from 1', () => {
    const result = validateTemplate({ ...vip, steps_config: [step(2), step(1)] });
    expect(result.ok && result.template.steps.map((s) => s.step)).toEqual([1, 2]);
    expect(fieldsOf({ steps_config: [step(1), step(1)] })).toEqual(['steps_config[1].step']);
    expect(fieldsOf({ steps_config: [step(1), step(3)] })).toEqual(['steps_config']);
    expect(fieldsOf({ steps_config: [step(2)] })).toEqual(['steps_config']);
  });

  it.each([
    ['{{first_name}'],
    ['{{ first_name'],
    ['first_name}}'],
    ['{{}}'],
    ['{{  }}'],
    ['{{first name}}'],
    ['{{{first_name}}}'],
    ['{{ 1st }}'],
    ['{{ a {{ b }} }}'],
  ])('rejects the malformed placeholder %s, naming the field', (subject) => {
    const errors = errorsOf({ steps_config: [step(1), step(2, { subject_template: subject })] });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe('steps_config[1].subject_template');
  });

  it.each([['{{first_name}}'], ['{{ first_name }}'], ['{{first_name|there}}'], ['{{ first_name | my friend }}'], ['a { b } c']])(
    'accepts %s',
    (body) => {
      expect(fieldsOf({ steps_config: [step(1, { body_template: body })] })).toEqual([]);
    },
  );

  it('rejects a placeholder naming no known lead field, naming it, where it is, and what was meant', () => {
    const errors = errorsOf({ steps_config: [step(1, { subject_template: '{{frist_name}}, acceso VIP' })] });
    expect(errors).toEqual([
      { field: 'steps_config[0].subject_template', message: expect.stringContaining('unknown placeholder {{frist_name}} (did you mean {{first_name}}? known fields: first_name, last_name, company') },
    ]);
  });

  it('names every unknown field once, in the subject and the body', () => {
    const errors = errorsOf({ steps_config: [step(1), step(2, { body_template: 'Hi {{ First_Name }} of {{compnay|you}} and {{compnay}} {{xyz}}' })] });
    expect(errors.map((e) => [e.field, e.message.split(/ ?known fields/)[0]])).toEqual([
      ['steps_config[1].body_template', 'unknown placeholder {{First_Name}} (did you mean {{first_name}}?'],
      ['steps_config[1].body_template', 'unknown placeholder {{compnay}} (did you mean {{company}}?'],
      ['steps_config[1].body_template', 'unknown placeholder {{xyz}} ('],
    ]);
  });
});

describe('validateTemplate: default_fallback', () => {
  const withDefault = (value: unknown) => validateTemplate({ ...vip, default_fallback: value } as unknown as TemplateInput);

  it('is the template-wide default for a missing field; absent, null or blank means none', () => {
    expect(withDefault('amigo')).toMatchObject({ ok: true, template: { defaultFallback: 'amigo' } });
    expect(validateTemplate(vip)).toMatchObject({ ok: true, template: { defaultFallback: null } });
    expect(withDefault(null)).toMatchObject({ ok: true, template: { defaultFallback: null } });
    expect(withDefault('  ')).toMatchObject({ ok: true, template: { defaultFallback: null } });
  });

  it.each([[42], ['x'.repeat(101)], ['{{first_name}}'], ['a}}'], ['two\nlines']])('rejects %j, naming the field', (value) => {
    expect(fieldsOf({ default_fallback: value })).toEqual(['default_fallback']);
  });
});
