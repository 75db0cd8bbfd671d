import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readDbFile } from '../sql-files.js';

/** Re-applies `db/lead_nurturing_schema.sql` (idempotent) to installs made before it gained the
 * /metrics gauges (`nurture_gauges`), the runs' `warnings`, and `nurture_secrets`, into which it
 * moves a generated unsubscribe key out of `nurture_settings`. */
export class OperationsAndSecrets1796256000000 implements MigrationInterface {
  name = 'OperationsAndSecrets1796256000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(readDbFile('lead_nurturing_schema.sql'));
  }

  async down(): Promise<void> {
    throw new Error('the read side is rebuilt from the event log, not migrated down');
  }
}
