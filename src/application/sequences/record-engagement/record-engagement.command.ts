import { Command } from '@nestjs/cqrs';
import type { EngagementType, RecordEngagement } from '../../../domain/sequence/commands.js';
import type { EngagementPolicy } from '../../ports/engagement-policy.js';
import type { SequenceCommandResult } from '../execute-sequence-command.js';

/** Records an engagement fact (delivered, opened, clicked, replied, bounced, unsubscribed,
 * complained) reported by a provider; a repeated `providerEventId` changes nothing. */
export class RecordEngagementCommand extends Command<SequenceCommandResult> {
  constructor(
    readonly sequenceId: number,
    readonly engagement: { type: EngagementType } & Pick<RecordEngagement['data'], 'providerEventId' | 'step' | 'occurredAt' | 'url' | 'bounceKind' | 'machineOpen'>,
    readonly policy: EngagementPolicy,
    readonly now: string,
    readonly options: { expectedRevision?: bigint; metadata?: Record<string, unknown> } = {},
  ) {
    super();
  }
}
