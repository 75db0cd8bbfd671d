import type { Command } from 'commander';
import { postgresLogReader } from '../event-store/postgres/postgres-event-store.js';
import { rebuildReadModel } from '../../projections/rebuild.js';
import { withDatabase } from './app-context.js';
import { CliUsageError } from './exit-codes.js';
import { progress } from './progress.js';

export function registerProjections(program: Command): void {
  const projections = program.command('projections').description('maintain the read tables projected from the event log');
  projections
    .command('rebuild')
    .description('replay the whole event log into fresh tables and swap them in')
    .option('--batch-size <n>', 'events per batch', '10000')
    .action(async (options: { batchSize: string }) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
        throw new CliUsageError(`--batch-size must be an integer from 1 to 100000, got "${options.batchSize}"`);
      }
      await withDatabase(async (db) => {
        const { rows } = await db.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM es_events');
        const total = Number(rows[0]!.n);
        const bar = progress('rebuilding', total);
        const started = Date.now();
        const replayed = await rebuildReadModel(db.pool, postgresLogReader, {
          batchSize,
          onProgress: (n) => bar.update(n),
        });
        const seconds = (Date.now() - started) / 1000;
        bar.finish(`rebuilt the read model from ${replayed} events in ${seconds.toFixed(1)} s`);
      });
    });
}
