// The two stages of a long-running ingestion (planned batches, appended in order), keeping track
// of which sequences the previous batch did not write as planned: the next batch, planned on the
// states that batch remembered, must decide those again instead of appending them.
import type { IngestStages } from './coalescing-ingest.js';
import {
  type EngagementDelivery,
  type EngagementPlan,
  type IngestDeps,
  type IngestOptions,
  type IngestResult,
  commitEngagement,
  planEngagement,
} from './ingest-engagement.js';

export class EngagementIngestion implements IngestStages<EngagementPlan> {
  private unsettled: ReadonlySet<number> = new Set();

  constructor(
    private readonly deps: IngestDeps,
    private readonly options: () => IngestOptions,
  ) {}

  plan(deliveries: EngagementDelivery[]): Promise<EngagementPlan> {
    return planEngagement(deliveries, this.deps, this.options());
  }

  async commit(plan: EngagementPlan): Promise<IngestResult[]> {
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
