import { Controller, Get, Logger, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { CheckHealthQuery } from '../../application/queries/operations/operations.queries.js';

/** Connection strings in an error message, reduced to their scheme: they may carry a password. */
export const withoutConnectionStrings = (message: string): string => message.replace(/\b(postgres(?:ql)?):\/\/\S+/gi, '$1://…');

type Health = { status: 'ok'; database: string; eventStore: 'up' } | { status: 'unavailable'; database: 'unreachable' };

@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(private readonly queries: QueryBus) {}

  /** Readiness: the database answers and the event store's table is there. A failure answers
   * 503 without the database's error text (it can name hosts, roles, tables); the log has it. */
  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    response.setHeader('cache-control', 'no-store');
    const health = await this.queries.execute(new CheckHealthQuery());
    if (!health.ok) {
      const { error } = health;
      const code = (error as { code?: string }).code;
      this.logger.error(`health check failed${code ? ` (${code})` : ''}: ${withoutConnectionStrings((error as Error).message)}`);
      response.status(503);
      return { status: 'unavailable', database: 'unreachable' };
    }
    return { status: 'ok', database: health.mode, eventStore: 'up' };
  }
}
