import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';

@Controller('health')
export class HealthController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Readiness: the database answers and the event store's table is there. */
  @Get()
  async health(): Promise<{ status: 'ok'; database: string; eventStore: 'up' }> {
    try {
      await this.db.pool.query('SELECT 1 FROM es_events LIMIT 1');
    } catch (error) {
      throw new HttpException({ status: 'unavailable', error: (error as Error).message }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: 'ok', database: this.db.mode, eventStore: 'up' };
  }
}
