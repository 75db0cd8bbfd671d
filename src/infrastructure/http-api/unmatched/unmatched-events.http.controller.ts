// GET /unmatched-events: engagement that matched no sequence, newest first (keyset by id).
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ListUnmatchedEventsQuery, MAX_UNMATCHED_LIMIT } from '../../../application/queries/unmatched-events/list-unmatched-events.query.js';
import { ApiErrors, ApiKeyProtected } from '../shared/openapi.js';

export class ListUnmatchedRequestDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_UNMATCHED_LIMIT)
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
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Engagement events that matched no sequence (acknowledged to the provider, kept for review)' })
  @ApiOkResponse({ type: UnmatchedEventsDto })
  @ApiErrors(400)
  async list(@Query() q: ListUnmatchedRequestDto): Promise<UnmatchedEventsDto> {
    const page = await this.queries.execute(new ListUnmatchedEventsQuery(q.limit, q.cursor));
    return { items: page.items, next_cursor: page.nextCursor };
  }
}
