// The commands through @nestjs/cqrs's CommandBus, against the real event store.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ConcurrencyError, EVENT_STORE, type EventStore } from '../../src/application/ports/event-store.js';
import { GetLeadHistoryQuery } from '../../src/application/leads/get-lead-history/get-lead-history.query.js';
import { PauseSequenceCommand } from '../../src/application/sequences/pause-sequence/pause-sequence.command.js';
import { RecordEngagementCommand } from '../../src/application/sequences/record-engagement/record-engagement.command.js';
import { ResumeSequenceCommand } from '../../src/application/sequences/resume-sequence/resume-sequence.command.js';
import { StartSequenceCommand } from '../../src/application/sequences/start-sequence/start-sequence.command.js';
import { StopSequenceCommand } from '../../src/application/sequences/stop-sequence/stop-sequence.command.js';
import { InvalidStateError } from '../../src/domain/shared/errors.js';
import { NurturingModule } from '../../src/infrastructure/nest/nurturing.module.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { STEPS } from '../support/workload.js';

const NOW = '2026-02-02T10:00:00.000Z';

describe('sequence commands through the CommandBus', () => {
  let t: TestDatabase;
  let app: INestApplicationContext;
  let commands: CommandBus;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await NestFactory.createApplicationContext(NurturingModule.forDatabase(t.db), { logger: false });
    commands = app.get(CommandBus);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const start = (extId: string, score: number | null) =>
    commands.execute(
      new StartSequenceCommand(
        { extId, email: `${extId}@example.com`, firstName: 'Ana', score, fields: {} },
        { id: null, name: 'default_cold_lead_nurturing', steps: STEPS, declaredTotalSteps: 3 },
        NOW,
        { actor: 'test' },
      ),
    );
  const engage = (sequenceId: number, type: 'opened' | 'clicked' | 'replied', providerEventId: string, expectedRevision?: bigint) =>
    commands.execute(
      new RecordEngagementCommand(sequenceId, { type, providerEventId, step: 1, occurredAt: NOW }, { minScoreToQualify: 50, stopOnReply: false }, NOW, { expectedRevision }),
    );

  it('StartSequence allocates an integer id and appends SequenceStarted at revision 0', async () => {
    const result = await start('lead_start', 10);
    expect(Number.isInteger(result.sequenceId)).toBe(true);
    expect(result.revision).toBe(0n);
    expect(result.events.map((e) => e.type)).toEqual(['SequenceStarted']);
    const stream = await app.get<EventStore>(EVENT_STORE).readStream(`nurturing_sequence-${result.sequenceId}`);
    expect(stream.events[0]!.metadata).toMatchObject({ command: 'StartSequence', actor: 'test' });
  });

  it('a lead is enrolled once: of several StartSequence commands racing for it, exactly one wins', async () => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => start('lead_once', 10)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(InvalidStateError);
      expect((r as PromiseRejectedResult).reason.message).toMatch(/lead "lead_once" is already enrolled/);
    }
    const history = await app.get(QueryBus).execute(new GetLeadHistoryQuery('lead_once'));
    expect(history.sequenceIds).toHaveLength(1);
  });

  it('RecordEngagement with a repeated provider event id is a no-op', async () => {
    const { sequenceId } = await start('lead_dup', 10);
    const first = await engage(sequenceId, 'opened', 'evt-1');
    const again = await engage(sequenceId, 'opened', 'evt-1');
    expect(first.events.map((e) => e.type)).toEqual(['EmailOpened']);
    expect(again.events).toEqual([]);
    expect(again.revision).toBe(first.revision);
  });

  it('a reply and a click on base score 30 qualify the lead', async () => {
    const { sequenceId } = await start('lead_hot', 30);
    await engage(sequenceId, 'replied', 'r-1');
    const click = await engage(sequenceId, 'clicked', 'c-1');
    expect(click.events.map((e) => e.type)).toEqual(['EmailClicked', 'LeadQualified']);
  });

  it('pause, resume and stop go through the bus; a disallowed transition is an InvalidStateError', async () => {
    const { sequenceId } = await start('lead_pause', null);
    const paused = await commands.execute(new PauseSequenceCommand(sequenceId, NOW));
    expect(paused.events.map((e) => e.type)).toEqual(['SequencePaused']);
    const resumed = await commands.execute(new ResumeSequenceCommand(sequenceId, NOW));
    expect(resumed.events.map((e) => e.type)).toEqual(['SequenceResumed']);
    const stopped = await commands.execute(new StopSequenceCommand(sequenceId, NOW));
    expect(stopped.events.map((e) => e.type)).toEqual(['SequenceStopped']);
    await expect(commands.execute(new PauseSequenceCommand(sequenceId, NOW))).rejects.toBeInstanceOf(InvalidStateError);
  });

  it('a stale expected revision is a ConcurrencyError and appends nothing', async () => {
    const { sequenceId } = await start('lead_stale', 0);
    const opened = await engage(sequenceId, 'opened', 'o-1');
    await expect(engage(sequenceId, 'opened', 'o-2', opened.revision - 1n)).rejects.toBeInstanceOf(ConcurrencyError);
    const fresh = await engage(sequenceId, 'opened', 'o-3', opened.revision);
    expect(fresh.revision).toBe(opened.revision + 1n);
  });

  it('concurrent commands on one sequence all land: conflicts are retried on fresh state', async () => {
    const { sequenceId } = await start('lead_race', 0);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => engage(sequenceId, 'opened', `race-${i}`)));
    const revisions = results.map((r) => r.revision).sort((a, b) => (a < b ? -1 : 1));
    expect(revisions).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    const history = await app.get(QueryBus).execute(new GetLeadHistoryQuery('lead_race'));
    expect(history.events.filter((e) => e.type === 'EmailOpened')).toHaveLength(6);
  });
});
