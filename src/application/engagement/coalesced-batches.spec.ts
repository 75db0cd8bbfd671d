// Group commit: what the webhooks rely on when many requests arrive at once.
import { CoalescedBatches, type BatchStages } from './coalesced-batches.js';
import type { EngagementDelivery, IngestResult } from './engagement-batch.js';
import type { EngagementReport } from './engagement-report.js';

const report = (id: string): EngagementReport => ({ source: 'webhook', providerEventId: id, type: 'opened', occurredAt: '2026-08-02T10:00:00.000Z', sequenceId: 1 });
const delivery = (...ids: string[]): EngagementDelivery => ({ reports: ids.map(report), metadata: { deliveryId: ids.join('+') } });
const recorded = (n: number): IngestResult => ({ recorded: n, duplicates: 0, unmatched: 0, refused: [] });

/** Stages that log what they are asked and whose commits finish when the test says so. */
class ScriptedStages implements BatchStages<EngagementDelivery[]> {
  readonly log: string[] = [];
  readonly batches: string[][] = [];
  private readonly gates: (() => void)[] = [];
  failCommitOf: string | null = null;
  failPlanOf: string | null = null;

  async plan(deliveries: EngagementDelivery[]) {
    const ids = deliveries.map((d) => String(d.metadata!.deliveryId));
    if (this.failPlanOf === ids.join(',')) throw new Error(`cannot read the streams of ${ids.join(',')}`);
    this.batches.push(ids);
    this.log.push(`plan ${ids.join(',')}`);
    return deliveries;
  }

  async commit(deliveries: EngagementDelivery[]) {
    const ids = deliveries.map((d) => String(d.metadata!.deliveryId)).join(',');
    this.log.push(`commit ${ids} started`);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.log.push(`commit ${ids} done`);
    if (this.failCommitOf === ids) throw new Error(`database went away during ${ids}`);
    return deliveries.map((d) => recorded(d.reports.length));
  }

  /** Lets the oldest waiting commit finish. */
  async release(): Promise<void> {
    while (this.gates.length === 0) await tick();
    this.gates.shift()!();
    await tick();
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescedBatches (group commit of concurrent deliveries)', () => {
  it('given a commit in flight, when more deliveries arrive, then they go in together as the next batch', async () => {
    const stages = new ScriptedStages();
    const queue = new CoalescedBatches(stages);
    const first = queue.submit(delivery('a'));
    await tick();
    const later = [queue.submit(delivery('b')), queue.submit(delivery('c', 'd')), queue.submit(delivery('e'))];
    await stages.release();
    await stages.release();
    expect(await first).toEqual(recorded(1));
    expect(await Promise.all(later)).toEqual([recorded(1), recorded(2), recorded(1)]);
    expect(stages.batches).toEqual([['a'], ['b', 'c+d', 'e']]);
  });

  it('plans the next batch while the previous one commits, and commits one at a time, in order', async () => {
    const stages = new ScriptedStages();
    const queue = new CoalescedBatches(stages);
    const answers = [queue.submit(delivery('a'))];
    await tick();
    answers.push(queue.submit(delivery('b')));
    await tick();
    // b is planned while a commits; b's commit waits for a's.
    expect(stages.log).toEqual(['plan a', 'commit a started', 'plan b']);
    await stages.release();
    await stages.release();
    await Promise.all(answers);
    expect(stages.log).toEqual(['plan a', 'commit a started', 'plan b', 'commit a done', 'commit b started', 'commit b done']);
  });

  it('answers a caller only once its batch has committed', async () => {
    const stages = new ScriptedStages();
    const queue = new CoalescedBatches(stages);
    let answered = false;
    const answer = queue.submit(delivery('a')).then(() => (answered = true));
    await tick();
    expect(answered).toBe(false);
    await stages.release();
    await answer;
    expect(answered).toBe(true);
  });

  it('a failed commit fails the callers of that batch only; the next batch goes on', async () => {
    const stages = new ScriptedStages();
    stages.failCommitOf = 'b,c';
    const queue = new CoalescedBatches(stages);
    const a = queue.submit(delivery('a'));
    await tick();
    const b = queue.submit(delivery('b'));
    const c = queue.submit(delivery('c'));
    await stages.release(); // a
    await stages.release(); // b,c (fails)
    await expect(b).rejects.toThrow(/database went away during b,c/);
    await expect(c).rejects.toThrow(/database went away/);
    const d = queue.submit(delivery('d'));
    await stages.release();
    expect(await a).toEqual(recorded(1));
    expect(await d).toEqual(recorded(1));
  });

  it('a batch that cannot be planned fails its callers only', async () => {
    const stages = new ScriptedStages();
    stages.failPlanOf = 'a';
    const queue = new CoalescedBatches(stages);
    await expect(queue.submit(delivery('a'))).rejects.toThrow(/cannot read the streams of a/);
    const b = queue.submit(delivery('b'));
    await stages.release();
    expect(await b).toEqual(recorded(1));
  });

  it('caps a batch at maxReports, but never splits a delivery', async () => {
    const stages = new ScriptedStages();
    const queue = new CoalescedBatches(stages, 3);
    const first = queue.submit(delivery('a'));
    await tick();
    const rest = [queue.submit(delivery('b', 'c')), queue.submit(delivery('d', 'e')), queue.submit(delivery('f', 'g', 'h', 'i'))];
    for (let i = 0; i < 4; i++) await stages.release();
    await Promise.all([first, ...rest]);
    expect(stages.batches).toEqual([['a'], ['b+c'], ['d+e'], ['f+g+h+i']]);
  });
});
