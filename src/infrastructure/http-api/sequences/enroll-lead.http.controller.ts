import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EnrollLeadCommand } from '../../../application/enrollment/enroll-lead/enroll-lead.command.js';
import { type Causation, RequestCausation } from '../shared/causation.decorator.js';
import { ApiErrors, ApiKeyProtected } from '../shared/openapi.js';
import { revisionJson } from '../shared/revision.js';
import { EnrollLeadRequestDto } from './enroll-lead.request.dto.js';
import { EnrollLeadResponseDto } from './sequence-command.response.dto.js';

@ApiTags('commands')
@ApiKeyProtected('write')
@Controller('sequences')
export class EnrollLeadController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Enroll a lead in a nurturing sequence',
    description:
      'The lead must be in `leads` with an email address, not suppressed, and never enrolled before (a sequence ' +
      'in any status blocks another: 409).',
  })
  @ApiCreatedResponse({ type: EnrollLeadResponseDto })
  @ApiErrors(400, 404, 409, 422)
  async enroll(@Body() body: EnrollLeadRequestDto, @RequestCausation() causation: Causation): Promise<EnrollLeadResponseDto> {
    const template = { id: body.template_id ?? undefined, name: body.template_name ?? undefined };
    const result = await this.commands.execute(new EnrollLeadCommand(body.lead_ext_id, template, body.now ?? undefined, causation));
    return { sequence_id: result.sequenceId, revision: revisionJson(result.revision), template: result.template };
  }
}
