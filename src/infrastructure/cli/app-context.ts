// Opens the configured database, brings its schema up to date and starts the Nest context
// that CLI commands run in; closes everything afterwards.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Database } from '../database/database.js';
import { runMigrations } from '../database/migrate.js';
import { databaseSettingsFromEnv, openDatabase } from '../database/open-database.js';
import { NurturingModule } from '../nest/nurturing.module.js';

export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseSettingsFromEnv());
  try {
    await runMigrations(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

export function withAppContext<T>(work: (app: INestApplicationContext, db: Database) => Promise<T>): Promise<T> {
  return withDatabase(async (db) => {
    const app = await NestFactory.createApplicationContext(NurturingModule.forDatabase(db), { logger: false });
    try {
      return await work(app, db);
    } finally {
      await app.close();
    }
  });
}
