// Group commit for engagement: deliveries that arrive while a batch is being ingested wait and
// go in together as the next batch — one state read, one append and one commit for all of them
// instead of one each. Under light load a batch is a single delivery (no added wait); under
// heavy load batches grow up to `maxReports`. Two stages overlap: the next batch is planned
// (matched, read, decided) while the previous one is appended; appends run one at a time, in
// order. Each caller is answered only once its batch has committed.
import type { EngagementDelivery, IngestResult } from './engagement-batch.js';

export interface BatchStages<Plan> {
  plan(deliveries: EngagementDelivery[]): Promise<Plan>;
  commit(plan: Plan): Promise<IngestResult[]>;
}

interface Waiting {
  delivery: EngagementDelivery;
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
}

export class CoalescedBatches<Plan> {
  private readonly waiting: Waiting[] = [];
  private planning = false;
  /** The last batch's commit (settled: its callers are answered either way). */
  private committing: Promise<void> = Promise.resolve();

  constructor(
    private readonly stages: BatchStages<Plan>,
    private readonly maxReports = 5_000,
  ) {}

  submit(delivery: EngagementDelivery): Promise<IngestResult> {
    return new Promise<IngestResult>((resolve, reject) => {
      this.waiting.push({ delivery, resolve, reject });
      if (this.planning) return;
      this.planning = true;
      // After the current I/O phase, so the requests read in the same phase form one batch.
      setImmediate(() => void this.planWaiting());
    });
  }

  private async planWaiting(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.nextBatch();
        let plan: Plan;
        try {
          plan = await this.stages.plan(batch.map((w) => w.delivery));
        } catch (error) {
          for (const w of batch) w.reject(error);
          continue;
        }
        const previous = this.committing;
        this.committing = previous
          .then(() => this.stages.commit(plan))
          .then(
            (results) => batch.forEach((w, i) => w.resolve(results[i]!)),
            (error: unknown) => batch.forEach((w) => w.reject(error)),
          );
        // The batch after this one is planned only once the one before this one has committed,
        // so a plan builds on at most one batch still being appended.
        await previous;
      }
    } finally {
      this.planning = false;
    }
  }

  /** The oldest waiting deliveries, up to `maxReports` reports (always at least one delivery). */
  private nextBatch(): Waiting[] {
    let reports = this.waiting[0]!.delivery.reports.length;
    let n = 1;
    while (n < this.waiting.length && reports + this.waiting[n]!.delivery.reports.length <= this.maxReports) {
      reports += this.waiting[n]!.delivery.reports.length;
      n += 1;
    }
    return this.waiting.splice(0, n);
  }
}
