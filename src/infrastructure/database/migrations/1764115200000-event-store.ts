import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readDbFile } from '../sql-files.js';

/** The event store's tables (`db/event_store.sql`, idempotent). */
export class EventStore1764115200000 implements MigrationInterface {
  name = 'EventStore1764115200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(readDbFile('event_store.sql'));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION IF EXISTS es_append(text[], bigint[], integer[], integer[], integer[], jsonb)');
    await runner.query('DROP TABLE IF EXISTS es_events, es_streams CASCADE');
  }
}
