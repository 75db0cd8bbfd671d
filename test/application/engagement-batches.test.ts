// Engagement batches planned while the previous one is being appended: a batch planned on states
// the previous batch did not manage to write must not append them as planned.
import { type EngagementDelivery, commitEngagement, planEngagement } from '../../src/application/engagement/engagement-batch.js';
import type { EngagementReport } from '../../src/application/engagement/engagement-report.js';
import { loadSequence } from '../../src/application/sequences/load-sequence.js';
import { executeSequenceCommand } from '../../src/application/sequences/execute-sequence-command.js';
import { SequenceStateCache } from '../../src/application/sequences/sequence-state-cache.js';
import { SqlEngagementMatcher } from '../../src/infrastructure/engagement/sql-engagement-matcher.js';
import { SqlUnmatchedEventLog } from '../../src/infrastructure/engagement/sql-unmatched-event-log.js';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres/postgres-event-store.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { STEPS } from '../support/workload.js';

const NOW = '2026-03-02T10:00:00.000Z';
const options = { minScoreToQualify: 50, stopOnReply: false, now: NOW };
const report = (type: EngagementReport['type'], id: string, sequenceId: number): EngagementDelivery => ({
  reports: [{ source: 'webhook', providerEventId: id, type, occurredAt: NOW, sequenceId, step: 1 }],
  metadata: { deliveryId: id },
});

describe('engagement batches: plan, then commit', () => {
  let t: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    t = await createTestDatabase();
    store = new PostgresEventStore(t.db.pool);
  });
  afterAll(() => t.drop());

  const deps = () => ({ store, matcher: new SqlEngagementMatcher(t.db.pool), unmatched: new SqlUnmatchedEventLog(t.db.pool), states: new SequenceStateCache(store) });

  async function startSequence(sequenceId: number): Promise<void> {
    const base = { leadFields: {}, templateId: 1, templateName: 'default_cold_lead_nurturing', steps: STEPS, declaredTotalSteps: 3 };
    await executeSequenceCommand(store, sequenceId, {
      type: 'StartSequence',
      data: { sequenceId, leadExtId: `lead_${sequenceId}`, email: `l${sequenceId}@example.com`, firstName: 'Ana', baseScore: 30, now: '2026-03-01T08:00:00.000Z', ...base },
    });
    await executeSequenceCommand(store, sequenceId, {
      type: 'RecordEmailSent',
      data: { step: 1, emailEventId: crypto.randomUUID(), providerMessageId: `m-${sequenceId}`, subject: 'Hola', dryRun: false, now: '2026-03-01T09:00:00.000Z' },
    });
  }
  const typesOf = async (sequenceId: number) => (await store.readStream(`nurturing_sequence-${sequenceId}`)).events.map((e) => e.type);

  it('given the previous batch (a reply) never written and another writer at the same revision, then a click is decided again on the real state', async () => {
    await startSequence(1);
    const d = deps();
    const reply = await planEngagement([report('replied', 'r1', 1)], d, options);
    // Meanwhile another writer appends one event: the stream is now at the revision the next batch expects.
    await executeSequenceCommand(store, 1, { type: 'RecordEngagement', data: { engagementType: 'delivered', providerEventId: 'api:d1', step: 1, occurredAt: NOW, url: null, machineOpen: false, minScoreToQualify: 50, now: NOW } });
    const click = await planEngagement([report('clicked', 'c1', 1)], d, options);
    // Planned on the reply that was never written: reply + click on score 30 would qualify.
    expect(click.planned[0]!.events.map((e) => e.type)).toEqual(['EmailClicked', 'LeadQualified']);
    expect(reply.planned[0]!.expectedRevision + 1n).toBe(click.planned[0]!.expectedRevision);

    const committed = await commitEngagement(click, d, options, new Set([1]));
    expect(committed.results).toEqual([{ recorded: 1, duplicates: 0, unmatched: 0, refused: [] }]);
    expect(committed.unsettled).toEqual(new Set([1]));
    expect(await typesOf(1)).toEqual(['SequenceStarted', 'EmailSent', 'EmailDelivered', 'EmailClicked']);
    expect((await loadSequence(store, 1)).state).toMatchObject({ status: 'active', counts: { clicks: 1, replies: 0 } });
  });

  it('given the previous batch written, the next one planned meanwhile appends as planned', async () => {
    await startSequence(2);
    const d = deps();
    const reply = await planEngagement([report('replied', 'r2', 2)], d, options);
    const click = await planEngagement([report('clicked', 'c2', 2)], d, options);
    expect((await commitEngagement(reply, d, options)).unsettled.size).toBe(0);
    const committed = await commitEngagement(click, d, options);
    expect(committed.unsettled.size).toBe(0);
    expect(await typesOf(2)).toEqual(['SequenceStarted', 'EmailSent', 'EmailReplied', 'EmailClicked', 'LeadQualified']);
  });

  it('a batch whose stream moved meanwhile is decided again, and reported unsettled for the next one', async () => {
    await startSequence(3);
    const d = deps();
    const open = await planEngagement([report('opened', 'o3', 3)], d, options);
    await executeSequenceCommand(store, 3, { type: 'RecordEngagement', data: { engagementType: 'opened', providerEventId: 'webhook:o3', step: 1, occurredAt: NOW, url: null, machineOpen: false, minScoreToQualify: 50, now: NOW } });
    const committed = await commitEngagement(open, d, options);
    expect(committed.results).toEqual([{ recorded: 0, duplicates: 1, unmatched: 0, refused: [] }]);
    expect(committed.unsettled).toEqual(new Set([3]));
    expect(await typesOf(3)).toEqual(['SequenceStarted', 'EmailSent', 'EmailOpened']);
  });
});
