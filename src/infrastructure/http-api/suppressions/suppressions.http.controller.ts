// The suppression list over HTTP: operators add and remove addresses; every send checks it.
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SUPPRESSION_LIST, type SuppressionList } from '../../../application/ports/suppression-list.js';
import { listSuppressions, suppressAddress, unsuppressAddress } from '../../../application/suppression/manage-suppressions.js';
import { NotFoundError } from '../../../domain/shared/errors.js';
import { ApiErrors, ApiKeyProtected, NeedsScope } from '../shared/openapi.js';
import { AddSuppressionRequestDto, ListSuppressionsRequestDto, SuppressionDto, SuppressionPageDto, suppressionJson } from './suppression.dto.js';

@ApiTags('suppressions')
@ApiKeyProtected('write')
@Controller('suppressions')
export class SuppressionsController {
  constructor(@Inject(SUPPRESSION_LIST) private readonly list: SuppressionList) {}

  @Post()
  @ApiOperation({ summary: 'Suppress an address: no sequence of it is written to again (checked at every send)' })
  @ApiCreatedResponse({ type: SuppressionDto, description: 'Added (201), or already listed (200, the first entry kept).' })
  @ApiErrors(400, 422)
  async add(@Body() body: AddSuppressionRequestDto, @Res({ passthrough: true }) res: Response): Promise<SuppressionDto> {
    const { added, suppression } = await suppressAddress(this.list, body, new Date().toISOString());
    res.status(added ? 201 : 200);
    return suppressionJson(suppression);
  }

  @Delete(':email')
  @HttpCode(204)
  @ApiParam({ name: 'email', description: 'The address (any case).' })
  @ApiOperation({ summary: 'Remove an address from the suppression list (stopped sequences stay stopped)' })
  @ApiNoContentResponse()
  @ApiErrors(404, 422)
  async remove(@Param('email') email: string): Promise<void> {
    if (!(await unsuppressAddress(this.list, email))) throw new NotFoundError(`${email.trim().toLowerCase()} is not suppressed`);
  }

  @Get()
  @NeedsScope('read')
  @ApiOperation({ summary: 'The suppression list, in address order' })
  @ApiOkResponse({ type: SuppressionPageDto })
  @ApiErrors(400, 422)
  async page(@Query() q: ListSuppressionsRequestDto): Promise<SuppressionPageDto> {
    const page = await listSuppressions(this.list, { limit: q.limit, after: q.cursor });
    return { items: page.items.map(suppressionJson), next_cursor: page.nextCursor };
  }
}
