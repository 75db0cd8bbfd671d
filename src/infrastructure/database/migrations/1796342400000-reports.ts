import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readDbFile } from '../sql-files.js';

/** Re-applies `db/lead_nurturing_schema.sql` (idempotent) to installs made before the weekly and
 * monthly reports: their table (`lead_nurturing_reports`) and the index on the sequences' start. */
export class Reports1796342400000 implements MigrationInterface {
  name = 'Reports1796342400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(readDbFile('lead_nurturing_schema.sql'));
  }

  async down(): Promise<void> {
    throw new Error('the read side is rebuilt from the event log, not migrated down');
  }
}
