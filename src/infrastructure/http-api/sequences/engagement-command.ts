// From the engagement request to RecordEngagementCommand: values checked here (422 naming the
// request's field); the step's range is checked by the aggregate, which knows the steps.
import type { EngagementPolicy } from '../../../application/ports/engagement-policy.js';
import { requireInstant, requireNonEmpty, requireOneOf } from '../../../application/queries/shared/input-checks.js';
import { RecordEngagementCommand } from '../../../application/sequences/record-engagement/record-engagement.command.js';
import type { EngagementType } from '../../../domain/sequence/commands.js';
import type { BounceKind } from '../../../domain/sequence/events.js';
import type { Causation } from '../shared/causation.decorator.js';
import { expectedRevisionOf } from '../shared/revision.js';
import type { RecordEngagementRequestDto } from './record-engagement.request.dto.js';

export const ENGAGEMENT_TYPES: readonly EngagementType[] = ['delivered', 'opened', 'clicked', 'replied', 'bounced', 'unsubscribed', 'complained'];
const BOUNCE_KINDS: readonly BounceKind[] = ['hard', 'soft'];

export function engagementCommand(sequenceId: number, body: RecordEngagementRequestDto, causation: Causation, policy: EngagementPolicy): RecordEngagementCommand {
  const type = requireOneOf(body.event_type, ENGAGEMENT_TYPES, 'event_type');
  const providerEventId = requireNonEmpty(body.provider_event_id, 'provider_event_id');
  const occurredAt = requireInstant(body.occurred_at, 'occurred_at');
  const bounceKind = body.bounce_kind == null ? undefined : requireOneOf(body.bounce_kind, BOUNCE_KINDS, 'bounce_kind');
  return new RecordEngagementCommand(
    sequenceId,
    { type, providerEventId, step: body.step ?? null, occurredAt, url: body.url ?? null, bounceKind, machineOpen: body.machine_open ?? false },
    policy,
    new Date().toISOString(),
    { expectedRevision: expectedRevisionOf(body.expected_revision), metadata: causation },
  );
}
