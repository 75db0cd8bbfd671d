import { Controller, Get, Inject, Logger, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';

/** Connection strings in an error message, reduced to their scheme: they may carry a password. */
export const withoutConnectionStrings = (message: string): string => message.replace(/\b(postgres(?:ql)?):\/\/\S+/gi, '$1://…');

type Health = { status: 'ok'; database: string; eventStore: 'up' } | { status: 'unavailable'; database: 'unreachable' };

@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Readiness: the database answers and the event store's table is there. A failure answers
   * 503 without the database's error text (it can name hosts, roles, tables); the log has it. */
  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    response.setHeader('cache-control', 'no-store');
    try {
      await this.db.pool.query('SELECT 1 FROM es_events LIMIT 1');
    } catch (error) {
      const code = (error as { code?: string }).code;
      this.logger.error(`health check failed${code ? ` (${code})` : ''}: ${withoutConnectionStrings((error as Error).message)}`);
      response.status(503);
      return { status: 'unavailable', database: 'unreachable' };
    }
    return { status: 'ok', database: this.db.mode, eventStore: 'up' };
  }
}
