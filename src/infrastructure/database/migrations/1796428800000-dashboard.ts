import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readDbFile } from '../sql-files.js';

/** Re-applies `db/lead_nurturing_schema.sql` (idempotent) to installs made before the live dashboard:
 * the funnel's email gauges (counted once from the summaries), the index of what is due next, and
 * the table of signed-out dashboard sessions; the suppression list's size as a gauge its triggers keep. */
export class Dashboard1796428800000 implements MigrationInterface {
  name = 'Dashboard1796428800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(readDbFile('lead_nurturing_schema.sql'));
  }

  async down(): Promise<void> {
    throw new Error('the read side is rebuilt from the event log, not migrated down');
  }
}
