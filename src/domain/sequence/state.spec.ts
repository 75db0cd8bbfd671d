import { event, type EmailOpened, type SequencePaused, type SequenceResumed } from './events.js';
import { day, started, sent, T0, THREE_STEPS } from './fixtures.js';
import { evolve, initialState, isDue, replay } from './state.js';

const opened = (id: string, atDay: number, machineOpen = false): EmailOpened =>
  event<EmailOpened>('EmailOpened', { providerEventId: id, step: 1, occurredAt: day(atDay), machineOpen });

describe('evolve', () => {
  it('starts active with the snapshotted steps, nothing sent yet', () => {
    const state = replay([started()]);
    expect(state).toMatchObject({
      status: 'active',
      sequenceId: 7,
      totalSteps: 3,
      currentStep: 0,
      nextSendAt: T0,
      startedAt: T0,
      baseScore: 30,
      totalScore: 30,
    });
  });

  it('keeps the template\'s default for missing fields; an event without one (older events) means none', () => {
    expect(replay([started({ defaultFallback: 'amigo' })]).defaultFallback).toBe('amigo');
    expect(replay([started()]).defaultFallback).toBeNull();
  });

  it('takes the steps present as the truth, not the declared total', () => {
    const state = replay([started({ steps: THREE_STEPS.slice(0, 2), declaredTotalSteps: 3 })]);
    expect(state.totalSteps).toBe(2);
    expect(state.declaredTotalSteps).toBe(3);
  });

  it('advances the current step and the next send time on EmailSent', () => {
    const state = replay([started(), sent(1, 0, day(3))]);
    expect(state).toMatchObject({ currentStep: 1, nextSendAt: day(3), lastSentAt: day(0) });
  });

  it('counts machine opens apart and never scores them nor treats them as engagement', () => {
    const state = replay([started(), opened('a', 1, true), opened('b', 1, true), opened('c', 2, true)]);
    expect(state.counts).toMatchObject({ opens: 0, machineOpens: 3 });
    expect(state.engagementScore).toBe(0);
    expect(state.lastEngagementAt).toBeNull();
  });

  it('re-derives the scores and the last engagement from real opens', () => {
    const state = replay([started(), opened('a', 2), opened('b', 1)]);
    expect(state.counts.opens).toBe(2);
    expect(state.engagementScore).toBe(5);
    expect(state.totalScore).toBe(35);
    expect(state.lastEngagementAt).toBe(day(2)); // the later one, though reported first
    expect(state.seenProviderEventIds).toEqual(['a', 'b']);
  });

  it('keeps the stored next send time through a pause and takes the resumed one back', () => {
    const paused = event<SequencePaused>('SequencePaused', { reason: 'manual', occurredAt: day(1) });
    const resumed = event<SequenceResumed>('SequenceResumed', { nextSendAt: day(4), occurredAt: day(4) });
    const mid = replay([started(), sent(1, 0, day(3)), paused]);
    expect(mid).toMatchObject({ status: 'paused', pauseReason: 'manual', nextSendAt: day(3) });
    expect(evolve(mid, resumed)).toMatchObject({ status: 'active', pauseReason: null, nextSendAt: day(4), resumedAt: day(4) });
  });

  it('never mutates the state it is given', () => {
    const before = replay([started()]);
    const copy = structuredClone(before);
    evolve(before, opened('a', 1));
    expect(before).toEqual(copy);
    expect(initialState.status).toBe('none');
  });
});

describe('isDue', () => {
  it('is due when active, the time has come and a step is left', () => {
    const state = replay([started(), sent(1, 0, day(3))]);
    expect(isDue(state, day(2.99))).toBe(false);
    expect(isDue(state, day(3))).toBe(true);
  });

  it('compares instants, not strings', () => {
    const state = replay([started()]);
    expect(isDue(state, '2025-01-06T10:00:00+01:00')).toBe(true); // = 09:00Z
    expect(isDue(state, '2025-01-06T09:59:00+01:00')).toBe(false);
  });

  it('is never due when paused, or with every step sent', () => {
    const paused = event<SequencePaused>('SequencePaused', { reason: 'manual', occurredAt: day(1) });
    expect(isDue(replay([started(), paused]), day(30))).toBe(false);
    const done = replay([started(), sent(1, 0, day(3)), sent(2, 3, day(10)), sent(3, 10, null)]);
    expect(isDue(done, day(30))).toBe(false);
  });

  it('is never due before the sequence exists', () => {
    expect(isDue(initialState, day(0))).toBe(false);
  });
});
