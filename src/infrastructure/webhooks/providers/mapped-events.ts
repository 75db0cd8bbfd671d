// What every provider mapper returns: the engagement reports, and the provider events it
// acknowledged but that carry no engagement for us (processed, deferred, unknown new types…), so
// the caller can count them without failing the delivery.
import type { EngagementReport } from '../../../application/engagement/engagement-report.js';

export interface SkippedEvent {
  /** Position in the delivery (0 for providers that post one event at a time). */
  index: number;
  /** The provider's own name for the event type. */
  event: string;
  reason: string;
}

export interface MappedEvents {
  reports: EngagementReport[];
  skipped: SkippedEvent[];
}
