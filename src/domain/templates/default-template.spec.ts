import { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_NAME } from './default-template.js';
import { renderSubject, renderTemplate } from './render.js';
import { validateTemplate } from './template.js';

describe('the default template', () => {
  const result = validateTemplate(DEFAULT_TEMPLATE);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const { template, warnings } = result;

  it('is valid, named as the specification says, with no warning', () => {
    expect(DEFAULT_TEMPLATE_NAME).toBe('default_cold_lead_nurturing');
    expect(template.name).toBe(DEFAULT_TEMPLATE_NAME);
    expect(warnings).toEqual([]);
  });

  it('has three steps, 0, 3 and 7 days after the previous one, for any lead', () => {
    expect(template.steps.map((s) => [s.step, s.delayDays])).toEqual([[1, 0], [2, 3], [3, 7]]);
    expect(template).toMatchObject({ priorityFilter: null, minScore: 0, maxScore: 100, enabled: true });
  });

  it('reads well with and without a first name', () => {
    for (const step of template.steps) {
      const named = renderTemplate(step.bodyTemplate, { first_name: 'Ana' });
      const anonymous = renderTemplate(step.bodyTemplate, {});
      expect(named).toMatch(/^Hi Ana,/);
      expect(anonymous).toMatch(/^Hi there,/);
      expect(renderSubject(step.subjectTemplate, {})).not.toMatch(/[{}]/);
    }
  });
});
