import type { Command } from 'commander';
import { validateCronExpression } from 'cron';
import { loadRunParameters } from '../config/load-run-parameters.js';
import { runMigrations } from '../database/migrate.js';
import { databaseSettingsFromEnv, openDatabase } from '../database/open-database.js';
import { createApp } from '../serve/create-app.js';
import { CliUsageError } from './exit-codes.js';

export const DEFAULT_SCHEDULE = '0 */4 * * *';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and run the pipeline on a schedule')
    .option('--port <n>', 'HTTP port (env PORT)', process.env.PORT ?? '3000')
    .option('--schedule <cron>', 'cron expression, UTC (env NURTURE_SCHEDULE)', process.env.NURTURE_SCHEDULE ?? DEFAULT_SCHEDULE)
    .option('--config <file>', 'JSON file of run parameters')
    .action(async (options: { port: string; schedule: string; config?: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUsageError(`--port must be a TCP port number, got "${options.port}"`);
      const cron = validateCronExpression(options.schedule);
      if (!cron.valid) throw new CliUsageError(`--schedule is not a valid cron expression: "${options.schedule}"`);
      // Fail fast on bad parameters rather than at the first scheduled run.
      loadRunParameters({ env: process.env, configFile: options.config });

      const db = await openDatabase(databaseSettingsFromEnv());
      await runMigrations(db);
      const app = await createApp(db, { schedule: options.schedule, configFile: options.config }, ['log', 'warn', 'error']);
      await app.listen(port, '0.0.0.0');
      const address = app.getHttpServer().address() as { port: number };
      console.log(`nurture serve: listening on http://127.0.0.1:${address.port} (${db.mode} database)`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await app.close();
      await db.close();
    });
}
