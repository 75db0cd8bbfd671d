// GET /unmatched-events: engagement that matched no sequence, newest first (keyset by id).
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Database } from '../../database/database.js';
import { DATABASE } from '../../nest/nurturing.module.js';
import { ApiErrors, ApiKeyProtected } from '../shared/openapi.js';

export class ListUnmatchedRequestDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'next_cursor of the previous page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  cursor?: number;
}

export class UnmatchedEventsDto {
  @ApiProperty({ description: 'lead_nurturing_unmatched_events rows: id, source, provider_event_id, event_type, email, sequence_id, provider_message_id, occurred_at, received_at, reason, metadata' })
  items!: Record<string, unknown>[];

  @ApiProperty({ nullable: true, type: Number })
  next_cursor!: number | null;
}

@ApiTags('queries')
@ApiKeyProtected('read')
@Controller('unmatched-events')
export class UnmatchedEventsController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  @Get()
  @ApiOperation({ summary: 'Engagement events that matched no sequence (acknowledged to the provider, kept for review)' })
  @ApiOkResponse({ type: UnmatchedEventsDto })
  @ApiErrors(400)
  async list(@Query() q: ListUnmatchedRequestDto): Promise<UnmatchedEventsDto> {
    const limit = q.limit ?? 50;
    const { rows } = await this.db.pool.query<{ row: Record<string, unknown> & { id: number } }>(
      `SELECT to_jsonb(u) AS row FROM lead_nurturing_unmatched_events u
        WHERE $1::bigint IS NULL OR id < $1 ORDER BY id DESC LIMIT $2`,
      [q.cursor ?? null, limit + 1],
    );
    const items = rows.slice(0, limit).map((r) => r.row);
    return { items, next_cursor: rows.length > limit ? Number(items[items.length - 1]!.id) : null };
  }
}
