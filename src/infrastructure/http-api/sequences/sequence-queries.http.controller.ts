import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { GetSequenceQuery } from '../../../application/queries/get-sequence/get-sequence.query.js';
import { ListSequencesQuery } from '../../../application/queries/list-sequences/list-sequences.query.js';
import { ApiErrors, ApiKeyProtected } from '../shared/openapi.js';
import { PathId } from '../shared/path-id.decorator.js';
import { ListSequencesRequestDto } from './list-sequences.request.dto.js';
import { SequenceDetailDto } from './sequence-detail.response.dto.js';
import { SequencePageDto } from './sequence.response.dto.js';

@ApiTags('queries')
@ApiKeyProtected('read')
@Controller('sequences')
export class SequenceQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Sequences by status, lead and template, in id order, a page at a time' })
  @ApiOkResponse({ type: SequencePageDto })
  @ApiErrors(400, 422)
  async list(@Query() q: ListSequencesRequestDto): Promise<SequencePageDto> {
    const page = await this.queries.execute(
      new ListSequencesQuery({ status: q.status, leadExtId: q.lead_ext_id, template: q.template, limit: q.limit, cursor: q.cursor }),
    );
    return { items: page.items, next_cursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One sequence with its emails and engagement summary' })
  @ApiParam({ name: 'id', type: 'integer' })
  @ApiOkResponse({ type: SequenceDetailDto })
  @ApiErrors(400, 404)
  async get(@PathId('id') id: number): Promise<SequenceDetailDto> {
    const detail = await this.queries.execute(new GetSequenceQuery(id));
    return {
      sequence: detail.sequence,
      emails: detail.emails,
      engagement_summary: detail.engagementSummary,
    };
  }
}
