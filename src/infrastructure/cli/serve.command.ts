import type { Command } from 'commander';
import { validateCronExpression } from 'cron';
import { runWarnings } from '../../application/pipeline/public-url-warning.js';
import type { RunParameters } from '../../application/pipeline/run-parameters.js';
import { loadRunParameters } from '../config/load-run-parameters.js';
import { runMigrations } from '../database/migrate.js';
import { databaseSettingsFromEnv, openDatabase } from '../database/open-database.js';
import { createApp } from '../serve/create-app.js';
import { configuredPublicUrl } from '../unsubscribe/load-unsubscribe-tokens.js';
import { METRICS_TOKEN_ENV, metricsTokenOf } from '../operations/metrics-token.guard.js';
import { CliUsageError } from './exit-codes.js';
import { openLastDemoDatabase } from '../demo/demo-database.js';
import { prepareDemoServe } from './serve-demo.js';
import { ValidationError } from '../../domain/shared/errors.js';
import { type ReportSchedules, reportSchedulesFrom } from '../serve/report-schedules.js';

export const DEFAULT_SCHEDULE = '0 */4 * * *';
/** Every interface, as before NURTURE_HOST existed (and as a container needs). */
export const DEFAULT_HOST = '0.0.0.0';

/** What an operator should fix before exposing the service, one line each. */
function startWarnings(params: RunParameters): string[] {
  const warnings: string[] = [];
  if (metricsTokenOf(process.env) === null) warnings.push(`/metrics is open to anyone who can reach this port (set ${METRICS_TOKEN_ENV})`);
  const [publicUrl] = runWarnings(params, configuredPublicUrl());
  if (publicUrl) warnings.push(publicUrl);
  return warnings;
}

/** A URL to reach the server at: the loopback one when it listens on every interface. */
function listeningOn(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::') return `http://127.0.0.1:${port}, every interface (${host})`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and run the pipeline on a schedule')
    .option('--port <n>', 'HTTP port (env PORT)', process.env.PORT ?? '3000')
    .option('--host <address>', 'address to listen on (env NURTURE_HOST; 0.0.0.0: every interface)', process.env.NURTURE_HOST || DEFAULT_HOST)
    .option('--schedule <cron>', 'cron expression, UTC (env NURTURE_SCHEDULE)', process.env.NURTURE_SCHEDULE ?? DEFAULT_SCHEDULE)
    .option('--config <file>', 'JSON file of run parameters')
    .option('--demo', 'serve the data of the last `nurture demo` (always a dry run; prints a read key to sign in with when NURTURE_API_KEYS is unset)')
    .action(async (options: { port: string; host: string; schedule: string; config?: string; demo?: boolean }) => {
      const demoKey = options.demo ? prepareDemoServe(process.env) : null;
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUsageError(`--port must be a TCP port number, got "${options.port}"`);
      const cron = validateCronExpression(options.schedule);
      if (!cron.valid) throw new CliUsageError(`--schedule is not a valid cron expression: "${options.schedule}"`);
      // Fail fast on bad parameters rather than at the first scheduled run.
      const params = loadRunParameters({ env: process.env, configFile: options.config });
      const reportSchedules = reportSchedulesOrUsageError(process.env);
      const settings = databaseSettingsFromEnv();
      const db = options.demo ? (await openLastDemoDatabase(settings)).db : await openDatabase(settings);
      for (const warning of startWarnings(params)) process.stderr.write(`nurture serve: warning: ${warning}\n`);
      await runMigrations(db);
      const app = await createApp(db, { schedule: options.schedule, configFile: options.config, reportSchedules }, ['log', 'warn', 'error']);
      await app.listen(port, options.host);
      const address = app.getHttpServer().address() as { port: number };
      console.log(`nurture serve: listening on ${listeningOn(options.host, address.port)} (${db.mode} database${options.demo ? ', the demo\'s data, dry run' : ''})`);
      if (options.demo) {
        const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
        console.log(`nurture serve: the dashboard is at http://${host}:${address.port}/dashboard${demoKey ? `; sign in with the read key ${demoKey} (made for this run)` : ' (sign in with a read key of NURTURE_API_KEYS)'}`);
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await app.close();
      await db.close();
    });
}

function reportSchedulesOrUsageError(env: NodeJS.ProcessEnv): ReportSchedules {
  try {
    return reportSchedulesFrom(env);
  } catch (error) {
    if (error instanceof ValidationError) throw new CliUsageError(error.message);
    throw error;
  }
}
