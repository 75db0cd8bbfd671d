import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetConversionMetricsQuery } from '../../../application/queries/conversion-metrics/get-conversion-metrics.query.js';
import { ApiErrors, ApiKeyProtected } from '../shared/openapi.js';
import { ConversionMetricsRequestDto, ConversionMetricsResponseDto } from './conversion-metrics.dto.js';

@ApiTags('queries')
@ApiKeyProtected('read')
@Controller('conversion-metrics')
export class ConversionMetricsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Daily conversion metrics (mv_nurturing_conversion_metrics) between two UTC days' })
  @ApiOkResponse({ type: ConversionMetricsResponseDto })
  @ApiErrors(400, 422)
  async metrics(@Query() q: ConversionMetricsRequestDto): Promise<ConversionMetricsResponseDto> {
    return { rows: await this.queries.execute(new GetConversionMetricsQuery({ from: q.from, to: q.to })) };
  }
}
