// Engagement ingestion, the one entry for reported engagement (webhooks, one-click unsubscribes):
// `ingest(delivery)` answers once the delivery's events are appended. Concurrent deliveries are
// group-committed (coalesced-batches.ts): planned together (engagement-batch.ts: match, read,
// decide) while the previous batch is appended, one append and one commit for all of them.
import { CoalescedBatches } from './coalesced-batches.js';
import {
  type EngagementDelivery,
  type EngagementPlan,
  type IngestDeps,
  type IngestOptions,
  type IngestResult,
  commitEngagement,
  planEngagement,
} from './engagement-batch.js';

export class EngagementIngestion {
  private readonly batches: CoalescedBatches<EngagementPlan>;
  /** Sequences the previous batch did not write as planned: the next batch, planned on the states
   * that batch remembered, must decide them again instead of appending them. */
  private unsettled: ReadonlySet<number> = new Set();

  constructor(
    private readonly deps: IngestDeps,
    private readonly options: () => IngestOptions,
    maxReportsPerBatch?: number,
  ) {
    this.batches = new CoalescedBatches({ plan: (deliveries) => this.plan(deliveries), commit: (plan) => this.commit(plan) }, maxReportsPerBatch);
  }

  ingest(delivery: EngagementDelivery): Promise<IngestResult> {
    return this.batches.submit(delivery);
  }

  private plan(deliveries: EngagementDelivery[]): Promise<EngagementPlan> {
    return planEngagement(deliveries, this.deps, this.options());
  }

  private async commit(plan: EngagementPlan): Promise<IngestResult[]> {
    try {
      const committed = await commitEngagement(plan, this.deps, this.options(), this.unsettled);
      this.unsettled = committed.unsettled;
      return committed.results;
    } catch (error) {
      this.unsettled = new Set(plan.planned.map((p) => p.sequenceId));
      throw error;
    }
  }
}
