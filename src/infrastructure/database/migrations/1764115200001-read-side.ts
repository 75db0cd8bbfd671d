import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readDbFile } from '../sql-files.js';

/** The read side (`db/lead_nurturing_schema.sql`, the same file `psql -f` installs). */
export class ReadSide1764115200001 implements MigrationInterface {
  name = 'ReadSide1764115200001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(readDbFile('lead_nurturing_schema.sql'));
  }

  async down(): Promise<void> {
    throw new Error('the read side is rebuilt from the event log, not migrated down');
  }
}
