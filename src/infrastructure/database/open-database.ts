import { resolve } from 'node:path';
import { type Database, openServerDatabase } from './database.js';
import { openEmbeddedDatabase } from './embedded-database.js';

export interface DatabaseSettings {
  /** PostgreSQL server URL; absent = embedded PGlite. */
  databaseUrl?: string;
  /** Embedded data directory (default `./.nurture`, env `NURTURE_DATA_DIR`). */
  dataDir?: string;
}

export function databaseSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.NURTURE_DATA_DIR || '.nurture', 'pgdata'),
  };
}

export function openDatabase(settings: DatabaseSettings): Promise<Database> {
  return settings.databaseUrl
    ? openServerDatabase({ url: settings.databaseUrl })
    : openEmbeddedDatabase({ dataDir: settings.dataDir });
}
