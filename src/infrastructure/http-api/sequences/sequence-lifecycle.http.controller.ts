import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PauseSequenceCommand } from '../../../application/sequences/pause-sequence/pause-sequence.command.js';
import { ResumeSequenceCommand } from '../../../application/sequences/resume-sequence/resume-sequence.command.js';
import { StopSequenceCommand } from '../../../application/sequences/stop-sequence/stop-sequence.command.js';
import { type Causation, RequestCausation } from '../shared/causation.decorator.js';
import { ApiErrors, ApiKeyProtected } from '../shared/openapi.js';
import { PathId } from '../shared/path-id.decorator.js';
import { expectedRevisionOf, revisionJson } from '../shared/revision.js';
import { SequenceCommandRequestDto } from './sequence-command.request.dto.js';
import { SequenceCommandResponseDto } from './sequence-command.response.dto.js';
import { SequenceCommands } from './sequence-commands.service.js';

type Lifecycle = typeof PauseSequenceCommand | typeof ResumeSequenceCommand | typeof StopSequenceCommand;

@ApiTags('commands')
@ApiKeyProtected('write')
@ApiParam({ name: 'id', type: 'integer', description: 'The sequence id.' })
@ApiErrors(400, 404, 409)
@Controller('sequences/:id')
export class SequenceLifecycleController {
  constructor(private readonly sequences: SequenceCommands) {}

  @Post('pause')
  @HttpCode(200)
  @ApiOkResponse({ type: SequenceCommandResponseDto })
  @ApiOperation({ summary: 'Pause an active sequence (reason manual): nothing is sent until it is resumed' })
  pause(@PathId('id') id: number, @Body() body: SequenceCommandRequestDto, @RequestCausation() c: Causation): Promise<SequenceCommandResponseDto> {
    return this.run(PauseSequenceCommand, id, body, c);
  }

  @Post('resume')
  @HttpCode(200)
  @ApiOkResponse({ type: SequenceCommandResponseDto })
  @ApiOperation({ summary: 'Resume a paused sequence; a step that fell due meanwhile goes out on the next run' })
  resume(@PathId('id') id: number, @Body() body: SequenceCommandRequestDto, @RequestCausation() c: Causation): Promise<SequenceCommandResponseDto> {
    return this.run(ResumeSequenceCommand, id, body, c);
  }

  @Post('stop')
  @HttpCode(200)
  @ApiOkResponse({ type: SequenceCommandResponseDto })
  @ApiOperation({ summary: 'Stop an active or paused sequence for good (reason manual)' })
  stop(@PathId('id') id: number, @Body() body: SequenceCommandRequestDto, @RequestCausation() c: Causation): Promise<SequenceCommandResponseDto> {
    return this.run(StopSequenceCommand, id, body, c);
  }

  private async run(Kind: Lifecycle, id: number, body: SequenceCommandRequestDto, causation: Causation): Promise<SequenceCommandResponseDto> {
    const options = { expectedRevision: expectedRevisionOf(body.expected_revision), metadata: causation };
    const result = await this.sequences.execute(id, new Kind(id, new Date().toISOString(), options));
    return { sequence_id: id, revision: revisionJson(result.revision) };
  }
}
