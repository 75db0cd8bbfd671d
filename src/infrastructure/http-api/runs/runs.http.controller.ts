import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { GetRunQuery } from '../../../application/queries/runs/get-run.query.js';
import { ListRunsQuery } from '../../../application/queries/runs/list-runs.query.js';
import { ApiErrors, ApiKeyProtected } from '../shared/openapi.js';
import { ListRunsRequestDto } from './list-runs.request.dto.js';
import { RunListDto, RunReportDto, runReportDto } from './run-report.response.dto.js';

@ApiTags('queries')
@ApiKeyProtected('read')
@Controller('runs')
export class RunsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Reports of the latest pipeline runs, newest first' })
  @ApiOkResponse({ type: RunListDto })
  @ApiErrors(400, 422)
  async list(@Query() q: ListRunsRequestDto): Promise<RunListDto> {
    const reports = await this.queries.execute(new ListRunsQuery(q.limit));
    return { items: reports.map(runReportDto) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'The stored report of one run' })
  @ApiParam({ name: 'id', example: 'run_20250115T103000_a1b2c3' })
  @ApiOkResponse({ type: RunReportDto })
  @ApiErrors(404)
  async get(@Param('id') id: string): Promise<RunReportDto> {
    return runReportDto(await this.queries.execute(new GetRunQuery(id)));
  }
}
