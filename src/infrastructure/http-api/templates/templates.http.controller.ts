import { Body, Controller, Get, Post, Put, UnprocessableEntityException } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SaveTemplateCommand } from '../../../application/enrollment/save-template/save-template.command.js';
import { TemplateValidationError } from '../../../application/enrollment/templates/template-validation.error.js';
import { ListTemplatesQuery } from '../../../application/queries/list-templates/list-templates.query.js';
import { ApiErrors, ApiKeyProtected, NeedsScope } from '../shared/openapi.js';
import { PathId } from '../shared/path-id.decorator.js';
import { TemplateRequestDto } from './template.request.dto.js';
import { SavedTemplateDto, TemplateListDto } from './template.response.dto.js';

@ApiTags('templates')
@ApiKeyProtected('read')
@Controller('templates')
export class TemplatesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every template, with whether runs can use it (errors) and its warnings' })
  @ApiOkResponse({ type: TemplateListDto })
  async list(): Promise<TemplateListDto> {
    return { items: await this.queries.execute(new ListTemplatesQuery()) };
  }

  @Post()
  @NeedsScope('write')
  @ApiOperation({ summary: 'Create a template (every field validated; all errors listed at once)' })
  @ApiCreatedResponse({ type: SavedTemplateDto })
  @ApiErrors(400, 409, 422)
  create(@Body() body: TemplateRequestDto): Promise<SavedTemplateDto> {
    return this.save(null, body);
  }

  @Put(':id')
  @NeedsScope('write')
  @ApiOperation({ summary: 'Replace a template; running sequences keep the steps they started with' })
  @ApiParam({ name: 'id', type: 'integer' })
  @ApiOkResponse({ type: SavedTemplateDto })
  @ApiErrors(400, 404, 409, 422)
  replace(@PathId('id') id: number, @Body() body: TemplateRequestDto): Promise<SavedTemplateDto> {
    return this.save(id, body);
  }

  private async save(id: number | null, body: TemplateRequestDto): Promise<SavedTemplateDto> {
    const input = { ...body, priority_filter: body.priority_filter ?? null, min_score: body.min_score ?? null, max_score: body.max_score ?? null, total_steps: body.total_steps ?? null, enabled: body.enabled ?? undefined, default_fallback: body.default_fallback ?? null };
    try {
      return await this.commands.execute(new SaveTemplateCommand(id, input));
    } catch (error) {
      if (!(error instanceof TemplateValidationError)) throw error;
      throw new UnprocessableEntityException({ message: error.lines(), field: error.field });
    }
  }
}
