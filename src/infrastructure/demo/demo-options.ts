// The options of `nurture demo`, checked: a bad value names its flag (exit code 2).
import { CliUsageError } from '../cli/exit-codes.js';
import type { DemoOptions } from './run-demo.js';

export interface RawDemoOptions {
  leads: string;
  days: string;
  seed: string;
  every: string;
}

export function parseDemoOptions(raw: RawDemoOptions): DemoOptions {
  return {
    leads: integer('--leads', raw.leads, 1, 100_000),
    days: integer('--days', raw.days, 1, 365),
    seed: integer('--seed', raw.seed, 0, 2 ** 32 - 1),
    everyHours: integer('--every', raw.every, 1, 168),
  };
}

function integer(flag: string, value: string, min: number, max: number): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new CliUsageError(`${flag} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return n;
}
