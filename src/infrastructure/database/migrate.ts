// `nurture migrate`: brings a database to the current schema with TypeORM migrations.
import { DataSource } from 'typeorm';
import type { Database } from './database.js';
import { EventStore1764115200000 } from './migrations/1764115200000-event-store.js';
import { ReadSide1764115200001 } from './migrations/1764115200001-read-side.js';
import { ReadSideUpgrade1796169600000 } from './migrations/1796169600000-read-side-upgrade.js';
import { OperationsAndSecrets1796256000000 } from './migrations/1796256000000-operations-and-secrets.js';
import { Reports1796342400000 } from './migrations/1796342400000-reports.js';
import { Dashboard1796428800000 } from './migrations/1796428800000-dashboard.js';

export const MIGRATIONS = [EventStore1764115200000, ReadSide1764115200001, ReadSideUpgrade1796169600000, OperationsAndSecrets1796256000000, Reports1796342400000, Dashboard1796428800000];
export const MIGRATIONS_TABLE = 'nurture_migrations';

export async function runMigrations(db: Database): Promise<string[]> {
  const c = db.connection;
  const dataSource = new DataSource({
    type: 'postgres',
    ...(c.connectionString
      ? { url: c.connectionString }
      : { host: c.host, port: c.port, username: c.user, database: c.database }),
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    // Embedded PGlite has one session: never open a second connection beside the app's pool.
    extra: { max: 1 },
    logging: false,
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
