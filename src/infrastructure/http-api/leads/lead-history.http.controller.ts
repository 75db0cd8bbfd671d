import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { GetLeadHistoryQuery } from '../../../application/leads/get-lead-history/get-lead-history.query.js';
import { NotFoundError } from '../../../domain/shared/errors.js';
import { MAX_EXT_ID_LENGTH } from '../../../domain/shared/input-limits.js';
import { BoundedParam } from '../shared/bounded-param.decorator.js';
import { ApiErrors, ApiKeyProtected } from '../shared/openapi.js';
import { LeadHistoryDto } from './lead-history.response.dto.js';

@ApiTags('queries')
@ApiKeyProtected('read')
@Controller('leads/:extId/history')
export class LeadHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Every event of a lead, across its sequences, in log order, with timestamps and causation' })
  @ApiParam({ name: 'extId', description: 'leads.ext_id' })
  @ApiOkResponse({ type: LeadHistoryDto })
  @ApiErrors(404, 422)
  async history(@BoundedParam(['extId', MAX_EXT_ID_LENGTH]) extId: string): Promise<LeadHistoryDto> {
    const h = await this.queries.execute(new GetLeadHistoryQuery(extId));
    if (h.events.length === 0) throw new NotFoundError(`lead ${JSON.stringify(extId)} has no history`);
    return {
      lead_ext_id: h.leadExtId,
      sequence_ids: h.sequenceIds,
      events: h.events.map((e) => ({
        sequence_id: e.sequenceId,
        revision: Number(e.revision),
        global_position: Number(e.globalPosition),
        type: e.type,
        schema_version: e.schemaVersion,
        occurred_at: e.occurredAt,
        recorded_at: e.recordedAt,
        data: e.data,
        metadata: e.metadata,
      })),
    };
  }
}
