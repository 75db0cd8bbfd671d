// Properties of decide + evolve over random histories: whatever arrives, in whatever order.
import fc from 'fast-check';
import { InvalidStateError, ValidationError } from '../shared/errors.js';
import type { EngagementType, SequenceCommand } from './commands.js';
import { decide } from './decide.js';
import { recordEngagement } from './decide-engagement.js';
import { isEngagementEvent, type SequenceEvent, type StepSnapshot } from './events.js';
import { day, startCommand } from './fixtures.js';
import { evolve, initialState, replay, type SequenceState } from './state.js';


// An intent becomes a command against the state at the time it is applied (to aim at the next step).
type Intent =
  | { kind: 'send' | 'fail'; stepDelta: number }
  | { kind: 'reserve'; runId: string; takeOver: boolean }
  | { kind: 'engage'; type: EngagementType; id: string; machineOpen: boolean; soft: boolean; step: number | null }
  | { kind: 'qualify'; min: number }
  | { kind: 'pauseIfInactive'; days: number }
  | { kind: 'pause' | 'resume' | 'stop' };

// Weighted so that histories often get far (sends, qualification) before a stop ends them.
const engagementTypeArb: fc.Arbitrary<EngagementType> = fc.oneof(
  { arbitrary: fc.constantFrom<EngagementType>('delivered', 'opened', 'opened', 'clicked', 'replied'), weight: 20 },
  { arbitrary: fc.constantFrom<EngagementType>('bounced', 'unsubscribed', 'complained'), weight: 1 },
);

const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('send' as const), stepDelta: fc.constantFrom(0, 0, 0, 0, -1, 1) }), weight: 10 },
  { arbitrary: fc.record({ kind: fc.constant('fail' as const), stepDelta: fc.constantFrom(0, -1, 1) }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant('reserve' as const), runId: fc.constantFrom('run-a', 'run-b'), takeOver: fc.boolean() }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('engage' as const),
      type: engagementTypeArb,
      id: fc.integer({ min: 0, max: 9 }).map((n) => `p${n}`), // small pool: ids repeat
      machineOpen: fc.boolean(),
      soft: fc.boolean(),
      step: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    }),
    weight: 12,
  },
  { arbitrary: fc.record({ kind: fc.constant('qualify' as const), min: fc.integer({ min: 0, max: 80 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('pauseIfInactive' as const), days: fc.integer({ min: 0, max: 30 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('stop' as const) }), weight: 1 },
);

const stepsArb: fc.Arbitrary<StepSnapshot[]> = fc
  .array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 4 })
  .map((delays) => delays.map((delayDays, i) => ({ step: i + 1, delayDays, subjectTemplate: `s${i + 1}`, bodyTemplate: 'b' })));

const historyArb: fc.Arbitrary<History> = fc.record({
  steps: stepsArb,
  baseScore: fc.option(fc.integer({ min: 0, max: 49 }), { nil: null }),
  moves: fc.array(fc.tuple(intentArb, fc.integer({ min: 0, max: 24 * 12 })), { maxLength: 60, size: 'medium' }),
});

function toCommand(intent: Intent, state: SequenceState, now: string): SequenceCommand {
  switch (intent.kind) {
    case 'send':
    case 'fail': {
      const step = Math.max(1, state.currentStep + 1 + intent.stepDelta);
      return intent.kind === 'send'
        ? { type: 'RecordEmailSent', data: { step, emailEventId: `e${step}`, providerMessageId: null, subject: 's', dryRun: false, now } }
        : { type: 'RecordEmailSendFailed', data: { step, emailEventId: `e${step}`, error: 'HTTP 500', attempts: 1, now } };
    }
    case 'reserve': {
      const step = state.currentStep + 1;
      const takeOverFrom = intent.takeOver ? (state.reservation?.runId ?? null) : null;
      return { type: 'ReserveEmailSend', data: { step, emailEventId: `e${step}`, runId: intent.runId, takeOverFrom, now } };
    }
    case 'engage': {
      const step = intent.step === null ? null : Math.min(intent.step, state.totalSteps);
      const { type, id, machineOpen, soft } = intent;
      const bounceKind = soft ? ('soft' as const) : undefined;
      return {
        type: 'RecordEngagement',
        data: { engagementType: type, providerEventId: id, step, occurredAt: now, machineOpen, bounceKind, minScoreToQualify: 50, now },
      };
    }
    case 'qualify':
      return { type: 'QualifyIfEligible', data: { minScoreToQualify: intent.min, now } };
    case 'pauseIfInactive':
      return { type: 'PauseIfInactive', data: { pauseAfterDays: intent.days, now } };
    case 'pause':
      return { type: 'PauseSequence', data: { reason: 'manual', now } };
    case 'resume':
      return { type: 'ResumeSequence', data: { now } };
    case 'stop':
      return { type: 'StopSequence', data: { reason: 'manual', now } };
  }
}

interface Run {
  events: SequenceEvent[];
  states: SequenceState[];
  final: SequenceState;
  /** Events decided for engagement commands whose provider id had already been recorded. */
  eventsFromRepeatedIds: SequenceEvent[];
  /** For every engagement command decided: recordEngagement's answer and what decide + evolve give. */
  engagementStates: { recorded: { events: SequenceEvent[]; state: SequenceState }; expected: { events: SequenceEvent[]; state: SequenceState } }[];
}

interface History {
  steps: StepSnapshot[];
  baseScore: number | null;
  moves: [Intent, number][];
}

function run({ steps, baseScore, moves }: History): Run {
  let state = initialState;
  let hours = 0;
  const events: SequenceEvent[] = [];
  const states: SequenceState[] = [];
  const seen = new Set<string>();
  const eventsFromRepeatedIds: SequenceEvent[] = [];
  const engagementStates: Run['engagementStates'] = [];
  const apply = (command: SequenceCommand): void => {
    let decided: SequenceEvent[];
    try {
      decided = decide(command, state);
    } catch (error) {
      if (error instanceof InvalidStateError || error instanceof ValidationError) return;
      throw error;
    }
    if (command.type === 'RecordEngagement' && seen.has(command.data.providerEventId)) eventsFromRepeatedIds.push(...decided);
    if (command.type === 'RecordEngagement') {
      const recorded = recordEngagement(command, state);
      engagementStates.push({ recorded, expected: { events: decided, state: decided.reduce(evolve, state) } });
    }
    for (const e of decided) {
      if (isEngagementEvent(e)) seen.add(e.data.providerEventId);
      state = evolve(state, e);
      events.push(e);
      states.push(state);
    }
  };
  apply(startCommand({ steps, baseScore, now: day(0) }));
  for (const [intent, advance] of moves) {
    hours += advance;
    apply(toCommand(intent, state, day(hours / 24)));
  }
  return { events, states, final: state, eventsFromRepeatedIds, engagementStates };
}

const property = (check: (r: Run) => void) =>
  fc.assert(
    fc.property(historyArb, (h) => check(run(h))),
    { numRuns: 300 },
  );

describe('sequence properties', () => {
  it('replays deterministically, also after a JSON round trip of the events', () => {
    property(({ events, final }) => {
      expect(replay(events)).toEqual(final);
      expect(replay(JSON.parse(JSON.stringify(events)) as SequenceEvent[])).toEqual(final);
    });
  });

  it('sends nothing after qualification, a stop or completion, but the email already in flight', () => {
    property(({ events, states }) => {
      const end = events.findIndex((e) => ['LeadQualified', 'SequenceStopped', 'SequenceCompleted'].includes(e.type));
      if (end < 0) return;
      const inFlight = states[end]!.reservation?.step;
      const after = events.slice(end + 1);
      expect(after.filter((e) => e.type === 'EmailSendReserved')).toEqual([]);
      const sentAfter = after.flatMap((e) => (e.type === 'EmailSent' ? [e.data.step] : []));
      expect(sentAfter).toEqual(sentAfter.length ? [inFlight] : []);
    });
  });

  it('holds at most one reservation, changing hands only by an explicit take-over', () => {
    property(({ events, states }) => {
      events.forEach((e, i) => {
        if (e.type !== 'EmailSendReserved') return;
        const before = i === 0 ? null : states[i - 1]!.reservation;
        if (before === null) expect(e.data.takenOverFrom).toBeNull();
        else expect([e.data.takenOverFrom, e.data.step, e.data.emailEventId]).toEqual([before.runId, before.step, before.emailEventId]);
      });
    });
  });

  it('never goes past the last step', () => {
    property(({ states }) => {
      for (const s of states) expect(s.currentStep).toBeLessThanOrEqual(s.totalSteps);
    });
  });

  it('sends every step at most once, in order', () => {
    property(({ events }) => {
      const sentSteps = events.flatMap((e) => (e.type === 'EmailSent' ? [e.data.step] : []));
      expect(sentSteps).toEqual(sentSteps.map((_, i) => i + 1));
    });
  });

  it('recordEngagement gives the same events as decide, and the state they evolve to', () => {
    property(({ engagementStates }) => {
      for (const { recorded, expected } of engagementStates) expect(recorded).toEqual(expected);
    });
  });

  it('ignores a repeated provider event id', () => {
    property(({ eventsFromRepeatedIds }) => expect(eventsFromRepeatedIds).toEqual([]));
  });

  it('qualifies at most once and ends at most once', () => {
    property(({ events }) => {
      expect(events.filter((e) => e.type === 'LeadQualified').length).toBeLessThanOrEqual(1);
      expect(events.filter((e) => e.type === 'SequenceStopped').length).toBeLessThanOrEqual(1);
      expect(events.filter((e) => e.type === 'SequenceStarted').length).toBe(1);
    });
  });
});
