import type { EmailSender } from '../ports/email-sender.js';
import type { EngagementMatcher, UnmatchedEventLog } from '../ports/engagement-matcher.js';
import type { EngagementSource } from '../ports/engagement-source.js';
import type { EventStore } from '../ports/event-store.js';
import type { LeadSource } from '../ports/lead-source.js';
import type { Notifier } from '../ports/notifier.js';
import type { ObjectStore } from '../ports/object-store.js';
import type { PipelineReadModel } from '../ports/pipeline-read-model.js';
import type { RunCoordination } from '../ports/run-coordination.js';
import type { RunReportStore } from '../ports/run-report-store.js';
import type { SequenceIdAllocator } from '../ports/sequence-id-allocator.js';
import type { SuppressionList } from '../ports/suppression-list.js';
import type { TemplateRows } from '../templates/usable-templates.js';
import type { UnsubscribeLinks } from '../ports/unsubscribe-links.js';
import type { RunParameters } from './run-parameters.js';

/** Everything a run talks to. HTTP parties depend on the run's parameters, so they are built per run. */
export interface PipelineDeps {
  store: EventStore;
  ids: SequenceIdAllocator;
  leads: LeadSource;
  templates: TemplateRows;
  suppressions: SuppressionList;
  /** Matching engagement to sequences, and the parked reports that matched none yet. */
  engagementMatching: { matcher: EngagementMatcher; unmatched: UnmatchedEventLog };
  readModel: PipelineReadModel;
  coordination: RunCoordination;
  reports: RunReportStore;
  ensureSchema(): Promise<string[]>;
  emailSender(params: RunParameters): EmailSender;
  engagementSource(params: RunParameters): EngagementSource | null;
  notifier(params: RunParameters): Notifier | null;
  /** The bucket of `s3_bucket` (asked only when export_metrics_to_s3 is true); closed by its user. */
  objectStore(params: RunParameters): ObjectStore;
  /** The one-click unsubscribe headers every email carries. */
  unsubscribeLinks(): Promise<UnsubscribeLinks>;
  /** The public URL those links point at, as configured (undefined: not configured). */
  publicUrl: string | undefined;
}

