// Starts sequences: each sequence's first events and its lead's enrollment, appended together
// so a lead is never enrolled twice (see domain/leads/lead-enrollment.ts). Many starts go in one
// round trip; a lead enrolled meanwhile is skipped, not an error for the others.
import { leadEnrolled, leadEnrollmentStreamId } from '../../../domain/leads/lead-enrollment.js';
import { type SequenceEvent, sequenceStreamId } from '../../../domain/sequence/events.js';
import type { AppendToStream, EventStore } from '../../ports/event-store.js';
import { appendGroupsWhereCurrent } from '../../pipeline/append-where-current.js';

export interface PlannedStart {
  sequenceId: number;
  leadExtId: string;
  templateName: string;
  events: SequenceEvent[];
  occurredAt: string;
  metadata: Record<string, unknown>;
}

export interface AppendStartsResult {
  started: PlannedStart[];
  /** Leads that another writer enrolled first. */
  alreadyEnrolled: PlannedStart[];
}

export async function appendStarts(store: EventStore, starts: PlannedStart[]): Promise<AppendStartsResult> {
  const groups: AppendToStream[][] = starts.map((s) => [
    { streamId: sequenceStreamId(s.sequenceId), expectedRevision: 'no_stream', events: s.events.map((e) => ({ ...e, metadata: s.metadata })) },
    {
      streamId: leadEnrollmentStreamId(s.leadExtId),
      expectedRevision: 'no_stream',
      events: [{ ...leadEnrolled({ leadExtId: s.leadExtId, sequenceId: s.sequenceId, templateName: s.templateName, occurredAt: s.occurredAt }), metadata: s.metadata }],
    },
  ]);
  const { conflicted } = await appendGroupsWhereCurrent(store, groups);
  const lost = new Set(conflicted.map((g) => g[0]!.streamId));
  return {
    started: starts.filter((s) => !lost.has(sequenceStreamId(s.sequenceId))),
    alreadyEnrolled: starts.filter((s) => lost.has(sequenceStreamId(s.sequenceId))),
  };
}
