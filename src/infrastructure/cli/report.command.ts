// `nurture report weekly|monthly`: computes a period's report from the read side, stores it,
// uploads its files beside the run exports when export_metrics_to_s3 is on, and writes them into
// --out; prints their paths (or, with --json, the report and the paths). A failed upload exits 1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Argument, type Command } from 'commander';
import { type PeriodKind, lastCompletePeriod, parsePeriod } from '../../domain/reports/report-period.js';
import { RUN_PARAMETERS } from '../../application/pipeline/run-parameters.js';
import { loadServiceParameters } from '../config/load-run-parameters.js';
import { publishReport } from '../../application/reports/publish-report.js';
import { s3StoreOf } from '../pipeline/create-pipeline-deps.js';
import { createReportGenerator } from '../reports/create-report-generator.js';
import { withDatabase } from './app-context.js';
import { CliUsageError, EXIT } from './exit-codes.js';

interface ReportOptions {
  period?: string;
  out: string;
  json?: boolean;
  minSends?: string;
}

function minSendsOf(raw: string | undefined): number {
  if (raw === undefined) return loadServiceParameters({ env: process.env }).report_min_sends;
  const { min, max } = RUN_PARAMETERS.report_min_sends;
  const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min! || n > max!) throw new CliUsageError(`--min-sends must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return n;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('generate the weekly or monthly report: store it, write its CSV, JSON and HTML files')
    .addArgument(new Argument('<kind>', 'the period').choices(['weekly', 'monthly']))
    .option('--period <label>', 'the ISO week (2026-W48) or month (2026-11); default: the last complete one')
    .option('--out <dir>', 'directory the files are written to', './reports')
    .option('--json', 'print the report object (and the written files) as JSON')
    .option('--min-sends <n>', 'report_min_sends: emails a step must have sent in the period to rank (default: NURTURE_REPORT_MIN_SENDS or 20)')
    .action(async (kind: PeriodKind, options: ReportOptions) => {
      const period = options.period === undefined ? lastCompletePeriod(kind, new Date().toISOString()) : parsePeriod(kind, options.period, '--period');
      const minSends = minSendsOf(options.minSends);
      const dir = resolve(options.out);
      await withDatabase(async (db) => {
        process.stderr.write(`report ${kind} ${period.label}: computing the figures…\n`);
        const params = loadServiceParameters({ env: process.env });
        const published = await publishReport(period, {
          generator: createReportGenerator(db.pool),
          objectStore: params.export_metrics_to_s3 ? () => s3StoreOf(params) : null,
          s3Path: params.s3_path,
          notifier: null, // the Slack summary is the scheduled reports'
          reportLink: async () => null,
          minSends,
        });
        const { report, files } = published.stored;
        if (published.uploaded.length > 0) process.stderr.write(`report ${report.id}: ${published.uploaded.length} files uploaded to s3://${params.s3_bucket}\n`);
        for (const error of published.errors) process.stderr.write(`report ${report.id}: ${error}\n`);
        if (published.errors.length > 0) process.exitCode = EXIT.failure;
        mkdirSync(dir, { recursive: true });
        const paths = files.map((file) => {
          const path = join(dir, file.name);
          writeFileSync(path, file.body);
          return path;
        });
        process.stderr.write(`report ${report.id}: stored; ${paths.length} files written to ${dir}\n`);
        console.log(options.json ? JSON.stringify({ ...report, files: paths }, null, 2) : paths.join('\n'));
      });
    });
}
