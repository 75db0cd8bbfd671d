import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ENGAGEMENT_POLICY, type EngagementPolicy } from '../../../application/ports/engagement-policy.js';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Causation, RequestCausation } from '../shared/causation.decorator.js';
import { ApiErrors, ApiKeyProtected } from '../shared/openapi.js';
import { PathId } from '../shared/path-id.decorator.js';
import { revisionJson } from '../shared/revision.js';
import { engagementCommand } from './engagement-command.js';
import { RecordEngagementRequestDto } from './record-engagement.request.dto.js';
import { EngagementResponseDto } from './sequence-command.response.dto.js';
import { SequenceCommands } from './sequence-commands.service.js';

@ApiTags('commands')
@ApiKeyProtected('write')
@Controller('sequences/:id/engagement')
export class RecordEngagementController {
  constructor(
    private readonly sequences: SequenceCommands,
    @Inject(ENGAGEMENT_POLICY) private readonly policy: EngagementPolicy,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record an engagement event of a sequence',
    description:
      'Scores it and qualifies the lead when the total reaches min_score_to_qualify with a reply or click; a hard ' +
      'bounce, unsubscribe or complaint stops the sequence. A repeated provider_event_id changes nothing (recorded: false).',
  })
  @ApiParam({ name: 'id', type: 'integer', description: 'The sequence id.' })
  @ApiOkResponse({ type: EngagementResponseDto })
  @ApiErrors(400, 404, 409, 422)
  async record(@PathId('id') id: number, @Body() body: RecordEngagementRequestDto, @RequestCausation() causation: Causation): Promise<EngagementResponseDto> {
    const command = engagementCommand(id, body, causation, this.policy);
    const result = await this.sequences.execute(id, command);
    return { sequence_id: id, revision: revisionJson(result.revision), recorded: result.events.length > 0 };
  }
}
