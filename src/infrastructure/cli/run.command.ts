import type { Command } from 'commander';
import { NurturingRunner } from '../../application/pipeline/nurturing-runner.js';
import { PARAMETER_NAMES, RUN_PARAMETERS, flagNameOf } from '../../application/pipeline/run-parameters.js';
import type { RunReport, StepReport } from '../../application/pipeline/run-report.js';
import { loadRunParameters } from '../config/load-run-parameters.js';
import { openPipelineDeps } from '../pipeline/create-pipeline-deps.js';
import { withDatabase } from './app-context.js';
import { CliUsageError } from './exit-codes.js';

export function registerRun(program: Command): void {
  const run = program
    .command('run')
    .description('run the nurturing pipeline once (the specification\'s DAG) and print its report')
    .option('--config <file>', 'JSON file of parameters')
    .option('--now <iso-8601>', 'run as of this instant (simulations, backfills); default: now')
    .option('--json', 'print the run report as JSON');
  for (const name of PARAMETER_NAMES) {
    const spec = RUN_PARAMETERS[name];
    const value = spec.kind === 'boolean' ? '[true|false]' : '<value>';
    run.option(`${flagNameOf(name)} ${value}`, `${spec.description} (default: ${JSON.stringify(spec.default)})`);
  }
  run.action(async (options: Record<string, unknown>) => {
    const flags: Record<string, unknown> = {};
    for (const name of PARAMETER_NAMES) {
      const value = options[camel(name)];
      if (value !== undefined) flags[name] = value === true ? 'true' : value;
    }
    const params = loadRunParameters({ env: process.env, configFile: options.config as string | undefined, flags });
    const now = options.now === undefined ? undefined : parseNow(String(options.now));
    const json = Boolean(options.json);
    const report = await withDatabase(async (db) => {
      const { deps, close } = openPipelineDeps(db);
      try {
        return await new NurturingRunner(deps).run({ params, now, onStep: json ? undefined : printStep });
      } finally {
        await close();
      }
    });
    if (json) console.log(JSON.stringify(report, null, 2));
    else printSummary(report);
    if (!json) for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
    if (report.status === 'failed') process.exitCode = 1;
  });
}

const camel = (name: string): string => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function parseNow(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new CliUsageError(`--now must be an ISO-8601 instant such as 2026-03-01T08:00:00Z, got "${value}"`);
  }
  return new Date(value).toISOString();
}

function printStep(step: StepReport): void {
  const mark = step.status === 'ok' ? '✓' : step.status === 'failed' ? '✗' : '-';
  const counts = Object.entries(step.counts).map(([k, v]) => `${k}=${v}`).join(' ');
  process.stderr.write(`${mark} ${step.step.padEnd(32)} ${String(step.durationMs).padStart(6)} ms  ${counts}\n`);
  for (const note of step.notes) process.stderr.write(`    note: ${note}\n`);
  for (const error of step.errors.slice(0, 5)) process.stderr.write(`    error: ${error}\n`);
  if (step.errors.length > 5) process.stderr.write(`    … ${step.errors.length - 5} more errors in the stored report\n`);
}

function printSummary(report: RunReport): void {
  if (report.status === 'skipped') {
    console.log(`run ${report.runId} skipped: another run holds the lock`);
    return;
  }
  const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  console.log(`run ${report.runId} ${report.status} in ${seconds.toFixed(1)} s (as of ${report.now}${report.dryRun ? ', dry run' : ''})`);
  const p = report.preview;
  if (p) {
    console.log(
      `dry run, nothing written: would start ${p.would_start.length}, send ${p.would_send.length}, qualify ${p.would_qualify.length}, ` +
        `pause ${p.would_pause.length}, stop ${p.would_stop.length} (--json shows each, with the rendered emails)`,
    );
  }
}
