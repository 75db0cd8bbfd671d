// A nurturing sequence template: the row analysts insert into `nurturing_sequence_templates`
// (snake_case, as stored) and the validated form the domain uses (camelCase, steps sorted).
import type { StepSnapshot } from '../sequence/events.js';
import type { FieldError } from './field-error.js';
import { MAX_DESCRIPTION_LENGTH, MAX_TEMPLATE_NAME_LENGTH, tooLong } from '../shared/input-limits.js';
import { validateStepsConfig } from './steps-config.js';

export type { FieldError } from './field-error.js';

export interface TemplateInput {
  id?: number | null;
  name: string;
  description?: string | null;
  /** null = any priority. */
  priority_filter: string | null;
  /** null = 0. */
  min_score: number | null;
  /** null = 100. */
  max_score: number | null;
  /** Declared count; the steps present in `steps_config` are the truth. */
  total_steps: number | null;
  steps_config: unknown;
  /** Absent = true (the column default). */
  enabled?: boolean;
  /** null/absent = the service's `stop_on_reply`. */
  stop_on_reply?: boolean | null;
  /** What a missing field with no `{{ name | default }}` of its own renders as; absent or null = none. */
  default_fallback?: string | null;
}

export interface ValidTemplate {
  id: number | null;
  name: string;
  description: string | null;
  priorityFilter: string | null;
  minScore: number;
  maxScore: number;
  declaredTotalSteps: number | null;
  /** `steps.length`. */
  totalSteps: number;
  /** Sorted by `step`, numbered 1..n. */
  steps: StepSnapshot[];
  enabled: boolean;
  /** null = the service's `stop_on_reply`. */
  stopOnReply: boolean | null;
  /** Template-wide default for a missing field (null: the field renders as nothing, text closed up). */
  defaultFallback: string | null;
}

/** The longest `default_fallback` accepted: a word or a short phrase, as it goes into subjects too. */
export const DEFAULT_FALLBACK_MAX_LENGTH = 100;

export type TemplateValidation =
  | { ok: true; template: ValidTemplate; warnings: string[] }
  | { ok: false; errors: FieldError[] };

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

function scoreBound(value: unknown, field: string, fallback: number, errors: FieldError[]): number {
  if (value === null || value === undefined) return fallback;
  if (!isInteger(value)) errors.push({ field, message: 'must be an integer' });
  return isInteger(value) ? value : fallback;
}

function defaultFallback(value: unknown, errors: FieldError[]): string | null {
  if (value === null || value === undefined) return null;
  const problem =
    typeof value !== 'string' ? 'must be a string or null'
    : value.length > DEFAULT_FALLBACK_MAX_LENGTH ? `must be at most ${DEFAULT_FALLBACK_MAX_LENGTH} characters (${value.length})`
    : /\{\{|\}\}/.test(value) ? 'must be plain text, without {{ or }}'
    : /[\r\n\u0085\u2028\u2029]/.test(value) ? 'must be one line (it is used in subjects too)'
    : null;
  if (problem !== null) errors.push({ field: 'default_fallback', message: problem });
  return typeof value === 'string' && problem === null && value.trim() !== '' ? value : null;
}

export function validateTemplate(input: TemplateInput): TemplateValidation {
  const row = input as unknown as Record<string, unknown>;
  const errors: FieldError[] = [];
  const warnings: string[] = [];

  const { id, name, description, priority_filter: priorityFilter, enabled, total_steps: declared } = row;
  if (id !== undefined && id !== null && !(isInteger(id) && id > 0)) errors.push({ field: 'id', message: 'must be a positive integer' });
  if (typeof name !== 'string' || name.trim() === '') errors.push({ field: 'name', message: 'must not be empty' });
  else if (name.length > MAX_TEMPLATE_NAME_LENGTH) errors.push({ field: 'name', message: tooLong(MAX_TEMPLATE_NAME_LENGTH) });
  if (description !== undefined && description !== null && typeof description !== 'string') {
    errors.push({ field: 'description', message: 'must be a string or null' });
  } else if (typeof description === 'string' && description.length > MAX_DESCRIPTION_LENGTH) {
    errors.push({ field: 'description', message: tooLong(MAX_DESCRIPTION_LENGTH) });
  }
  if (priorityFilter !== null && priorityFilter !== undefined && (typeof priorityFilter !== 'string' || priorityFilter.trim() === '')) {
    errors.push({ field: 'priority_filter', message: 'must be a non-empty string, or null for any priority' });
  } else if (typeof priorityFilter === 'string' && priorityFilter.length > MAX_TEMPLATE_NAME_LENGTH) {
    errors.push({ field: 'priority_filter', message: tooLong(MAX_TEMPLATE_NAME_LENGTH) });
  }
  if (enabled !== undefined && typeof enabled !== 'boolean') errors.push({ field: 'enabled', message: 'must be true or false' });
  const stopOnReply = row.stop_on_reply;
  if (stopOnReply !== undefined && stopOnReply !== null && typeof stopOnReply !== 'boolean') {
    errors.push({ field: 'stop_on_reply', message: 'must be true, false, or null for the service\'s setting' });
  }
  const minScore = scoreBound(row.min_score, 'min_score', 0, errors);
  const maxScore = scoreBound(row.max_score, 'max_score', 100, errors);
  if (minScore > maxScore) errors.push({ field: 'min_score', message: `must be <= max_score (${minScore} > ${maxScore})` });
  if (declared !== null && declared !== undefined && !(isInteger(declared) && declared > 0)) {
    errors.push({ field: 'total_steps', message: 'must be a positive integer' });
  }
  const fallback = defaultFallback(row.default_fallback, errors);
  const { steps, errors: stepErrors } = validateStepsConfig(row.steps_config);
  errors.push(...stepErrors);
  if (errors.length > 0) return { ok: false, errors };

  const declaredTotalSteps = isInteger(declared) ? declared : null;
  if (declaredTotalSteps === null) warnings.push(`total_steps is missing; using ${steps.length}`);
  else if (declaredTotalSteps !== steps.length) {
    warnings.push(`total_steps is ${declaredTotalSteps} but steps_config has ${steps.length} steps; using ${steps.length}`);
  }
  const template: ValidTemplate = {
    id: isInteger(id) ? id : null,
    name: name as string,
    description: typeof description === 'string' ? description : null,
    priorityFilter: typeof priorityFilter === 'string' ? priorityFilter : null,
    minScore,
    maxScore,
    declaredTotalSteps,
    totalSteps: steps.length,
    steps,
    enabled: enabled !== false,
    stopOnReply: typeof stopOnReply === 'boolean' ? stopOnReply : null,
    defaultFallback: fallback,
  };
  return { ok: true, template, warnings };
}
