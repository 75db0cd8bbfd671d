import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Report } from '../../../application/reports/report.js';
import { GetReportFileQuery, GetReportQuery, ListReportsQuery } from '../../../application/queries/reports/report.queries.js';
import { RequiresScope } from '../auth/api-key.guard.js';
import { BoundedParam } from '../shared/bounded-param.decorator.js';
import { ReportPageGuard } from './report-page.guard.js';
import { ApiErrors, ApiKeyProtected } from '../shared/openapi.js';
import { ListReportsRequestDto, ReportCsvRequestDto, ReportListDto } from './reports.dto.js';

const MAX_REPORT_ID_LENGTH = 64;
const ID = ['id', MAX_REPORT_ID_LENGTH] as const;

@ApiTags('queries')
@ApiKeyProtected('read')
@Controller('reports')
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Stored weekly and monthly reports, newest period first' })
  @ApiOkResponse({ type: ReportListDto })
  @ApiErrors(400, 422)
  async list(@Query() q: ListReportsRequestDto): Promise<ReportListDto> {
    return { items: await this.queries.execute(new ListReportsQuery({ kind: q.kind, limit: q.limit })) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A stored report: its figures, definitions and SQL (the report object of `nurture report --json`)' })
  @ApiParam({ name: 'id', example: 'monthly-2026-11' })
  @ApiOkResponse({ description: 'The report object.' })
  @ApiErrors(404, 422)
  async get(@BoundedParam([...ID]) id: string): Promise<Report> {
    return (await this.queries.execute(new GetReportQuery(id))).report;
  }

  @Get(':id/csv')
  @ApiOperation({ summary: "A report's CSV: the main one, or ?name=top-templates|top-steps|trends (monthly)" })
  @ApiParam({ name: 'id', example: 'weekly-2026-W48' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'RFC 4180 CSV with a header row.' })
  @ApiErrors(400, 404, 422)
  async csv(@BoundedParam([...ID]) id: string, @Query() q: ReportCsvRequestDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const file = await this.queries.execute(new GetReportFileQuery(id, 'csv', q.name));
    res.type(file.contentType).attachment(file.name);
    return file.body;
  }
}

/** The HTML page, apart: it also opens with a signed link (ReportPageGuard), so a browser reached
 * from a Slack summary needs no API key. */
@ApiTags('queries')
@ApiBearerAuth()
@RequiresScope('read')
@UseGuards(ReportPageGuard)
@Controller('reports')
export class ReportPageController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/html')
  @ApiOperation({ summary: "A report's executive HTML page (self-contained)" })
  @ApiParam({ name: 'id', example: 'weekly-2026-W48' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'One self-contained HTML file.' })
  @ApiQuery({ name: 'expires', required: false, description: 'with `signature`: a signed link (unix seconds it opens until)' })
  @ApiQuery({ name: 'signature', required: false, description: 'the link\'s HMAC; without a valid one, a read key is needed' })
  @ApiErrors(401, 403, 404, 422)
  async html(@BoundedParam([...ID]) id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const file = await this.queries.execute(new GetReportFileQuery(id, 'html'));
    res.type(file.contentType);
    return file.body;
  }
}
