import type { Command } from 'commander';
import { databaseSettingsFromEnv, openDatabase } from '../database/open-database.js';
import { runMigrations } from '../database/migrate.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('create or update the event store and read-side schema (idempotent)')
    .action(async () => {
      const settings = databaseSettingsFromEnv();
      const db = await openDatabase(settings);
      try {
        const applied = await runMigrations(db);
        const where = db.mode === 'embedded' ? `embedded database at ${settings.dataDir}` : 'PostgreSQL (DATABASE_URL)';
        console.log(applied.length ? `applied ${applied.join(', ')} on ${where}` : `schema already up to date on ${where}`);
      } finally {
        await db.close();
      }
    });
}
