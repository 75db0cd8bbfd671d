import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readDbFile } from '../sql-files.js';

/** Re-applies `db/lead_nurturing_schema.sql` (idempotent) to installs made before it gained the
 * suppression list's defaults, note and normalising trigger and the templates' `stop_on_reply`.
 * A later change to the file adds another migration like this one. */
export class ReadSideUpgrade1796169600000 implements MigrationInterface {
  name = 'ReadSideUpgrade1796169600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(readDbFile('lead_nurturing_schema.sql'));
  }

  async down(): Promise<void> {
    throw new Error('the read side is rebuilt from the event log, not migrated down');
  }
}
