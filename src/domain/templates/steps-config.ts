// Validation of a template's `steps_config` JSON: the steps a sequence will snapshot and send.
import type { StepSnapshot } from '../sequence/events.js';
import { MAX_BODY_TEMPLATE_LENGTH, MAX_SUBJECT_TEMPLATE_LENGTH, MAX_TEMPLATE_STEPS, tooLong } from '../shared/input-limits.js';
import type { FieldError } from './field-error.js';
import { parseTemplate } from './placeholders.js';
import { isTemplateField, unknownFieldMessage } from './template-fields.js';

export type StepsConfigResult = { steps: StepSnapshot[]; errors: FieldError[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkTemplateText(value: unknown, field: string, errors: FieldError[], allowEmpty: boolean, maxLength: number): string {
  if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) {
    errors.push({ field, message: allowEmpty ? 'must be a string' : 'must be a non-empty string' });
    return '';
  }
  if (value.length > maxLength) {
    errors.push({ field, message: tooLong(maxLength) });
    return '';
  }
  const parsed = parseTemplate(value);
  if (!parsed.ok) {
    errors.push({ field, message: parsed.error });
    return value;
  }
  const unknown = new Set(parsed.segments.flatMap((s) => (s.kind === 'field' && !isTemplateField(s.name) ? [s.name] : [])));
  for (const name of unknown) errors.push({ field, message: unknownFieldMessage(name) });
  return value;
}

function checkStep(item: unknown, path: string, errors: FieldError[]): StepSnapshot | null {
  if (!isObject(item)) {
    errors.push({ field: path, message: 'must be an object with step, delay_days, subject_template, body_template' });
    return null;
  }
  const { step, delay_days: delayDays } = item;
  const before = errors.length;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 1) {
    errors.push({ field: `${path}.step`, message: 'must be a positive integer' });
  }
  if (typeof delayDays !== 'number' || !Number.isFinite(delayDays) || delayDays < 0) {
    errors.push({ field: `${path}.delay_days`, message: 'must be a number >= 0' });
  }
  const subjectTemplate = checkTemplateText(item.subject_template, `${path}.subject_template`, errors, false, MAX_SUBJECT_TEMPLATE_LENGTH);
  const bodyTemplate = checkTemplateText(item.body_template, `${path}.body_template`, errors, true, MAX_BODY_TEMPLATE_LENGTH);
  if (errors.length > before) return null;
  return { step: step as number, delayDays: delayDays as number, subjectTemplate, bodyTemplate };
}

/** Accepts the parsed JSON, or its text (as some drivers return `jsonb`). */
export function validateStepsConfig(config: unknown): StepsConfigResult {
  let value = config;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { steps: [], errors: [{ field: 'steps_config', message: 'is not valid JSON' }] };
    }
  }
  if (!Array.isArray(value) || value.length === 0) {
    return { steps: [], errors: [{ field: 'steps_config', message: 'must be a non-empty array of steps' }] };
  }
  if (value.length > MAX_TEMPLATE_STEPS) {
    return { steps: [], errors: [{ field: 'steps_config', message: `must have at most ${MAX_TEMPLATE_STEPS} steps` }] };
  }
  const errors: FieldError[] = [];
  const firstIndexOf = new Map<number, number>();
  const steps: StepSnapshot[] = [];
  value.forEach((item, i) => {
    const step = checkStep(item, `steps_config[${i}]`, errors);
    if (step === null) return;
    const earlier = firstIndexOf.get(step.step);
    if (earlier !== undefined) {
      errors.push({ field: `steps_config[${i}].step`, message: `duplicates step ${step.step} of steps_config[${earlier}]` });
      return;
    }
    firstIndexOf.set(step.step, i);
    steps.push(step);
  });
  if (errors.length > 0) return { steps: [], errors };
  steps.sort((a, b) => a.step - b.step);
  if (steps.some((s, i) => s.step !== i + 1)) {
    const found = steps.map((s) => s.step).join(', ');
    return { steps: [], errors: [{ field: 'steps_config', message: `steps must be numbered 1..${steps.length} without gaps, found ${found}` }] };
  }
  return { steps, errors: [] };
}
