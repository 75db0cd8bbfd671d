import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.js';
import { executeSequenceCommand, type SequenceCommandResult } from '../execute-sequence-command.js';
import { RecordEngagementCommand } from './record-engagement.command.js';

@CommandHandler(RecordEngagementCommand)
export class RecordEngagementHandler implements ICommandHandler<RecordEngagementCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ sequenceId, engagement, policy, now, options }: RecordEngagementCommand): Promise<SequenceCommandResult> {
    const { type, ...rest } = engagement;
    return executeSequenceCommand(
      this.store,
      sequenceId,
      { type: 'RecordEngagement', data: { engagementType: type, ...rest, minScoreToQualify: policy.minScoreToQualify, stopOnReply: policy.stopOnReply, now } },
      options,
    );
  }
}
