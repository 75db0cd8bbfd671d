import { Query } from '@nestjs/cqrs';

export interface LeadHistoryEntry {
  sequenceId: number;
  /** Position of the event in its sequence's stream (0-based). */
  revision: string;
  globalPosition: string;
  type: string;
  schemaVersion: number;
  occurredAt: string | null;
  recordedAt: string;
  data: Record<string, unknown>;
  /** What caused the event: the command, the run or request, the actor. */
  metadata: Record<string, unknown>;
}

export interface LeadHistory {
  leadExtId: string;
  sequenceIds: number[];
  events: LeadHistoryEntry[];
}

/** Every event of a lead, across all its sequences, in the order they were recorded. */
export class GetLeadHistoryQuery extends Query<LeadHistory> {
  constructor(readonly leadExtId: string) {
    super();
  }
}
