// Lifecycle rules: start, send, pause, resume, stop. Engagement rules are in decide-engagement.spec.ts.
import { InvalidStateError, ValidationError } from '../shared/errors.js';
import type { SequenceCommand } from './commands.js';
import { decide } from './decide.js';
import {
  event,
  type EmailOpened,
  type EmailSendFailed,
  type LeadQualified,
  type SequenceCompleted,
  type SequenceEvent,
  type SequencePaused,
  type SequenceResumed,
  type SequenceStopped,
} from './events.js';
import { day, sendCommand, sent, startCommand, started, T0, THREE_STEPS } from './fixtures.js';
import { given } from './given-when-then.js';
import { initialState, replay } from './state.js';

const paused = (atDay: number, reason: 'manual' | 'inactive' = 'manual') =>
  event<SequencePaused>('SequencePaused', { reason, occurredAt: day(atDay) });
const resumed = (atDay: number, nextSendAt: string) =>
  event<SequenceResumed>('SequenceResumed', { nextSendAt, occurredAt: day(atDay) });
const stopped = (atDay: number, reason: SequenceStopped['data']['reason'] = 'manual') =>
  event<SequenceStopped>('SequenceStopped', { reason, occurredAt: day(atDay) });
const completed = (atDay: number) => event<SequenceCompleted>('SequenceCompleted', { occurredAt: day(atDay) });
const qualified = (atDay: number) =>
  event<LeadQualified>('LeadQualified', { score: 53, engagementScore: 23, reason: 'r', occurredAt: day(atDay) });
const opened = (id: string, atDay: number, machineOpen = false) =>
  event<EmailOpened>('EmailOpened', { providerEventId: id, step: 1, occurredAt: day(atDay), machineOpen });

const allSent: SequenceEvent[] = [started(), sent(1, 0, day(3)), sent(2, 3, day(10)), sent(3, 10, null), completed(10)];
const pause = (atDay: number): SequenceCommand => ({ type: 'PauseSequence', data: { reason: 'manual', now: day(atDay) } });
const pauseIfInactive = (atDay: number, pauseAfterDays = 30): SequenceCommand => ({
  type: 'PauseIfInactive',
  data: { pauseAfterDays, now: day(atDay) },
});
const resume = (atDay: number): SequenceCommand => ({ type: 'ResumeSequence', data: { now: day(atDay) } });
const stop = (atDay: number): SequenceCommand => ({ type: 'StopSequence', data: { reason: 'manual', now: day(atDay) } });

function validationFieldOf(command: SequenceCommand, events: SequenceEvent[] = []): string {
  try {
    decide(command, replay(events));
  } catch (error) {
    if (error instanceof ValidationError) return error.field;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('StartSequence', () => {
  it('starts a new sequence, first send after step 1 delay', () => {
    given([]).when(startCommand()).then([started()]);
    const delayed = THREE_STEPS.map((s) => (s.step === 1 ? { ...s, delayDays: 2 } : s));
    given([]).when(startCommand({ steps: delayed })).then([started({ steps: delayed, firstSendAt: day(2) })]);
  });

  it('snapshots the template\'s default for missing fields, only when it has one', () => {
    given([]).when(startCommand({ defaultFallback: 'amigo' })).then([started({ defaultFallback: 'amigo' })]);
    given([]).when(startCommand({ defaultFallback: null })).then([started()]);
  });

  it('normalises the instant it is given', () => {
    given([]).when(startCommand({ now: '2025-01-06T10:00:00+01:00' })).then([started()]);
  });

  it('refuses to start twice', () => {
    given([started()]).when(startCommand()).then(InvalidStateError);
    given(allSent).when(startCommand()).then(InvalidStateError);
  });

  it('rejects bad input, naming the field', () => {
    expect(validationFieldOf(startCommand({ steps: [] }))).toBe('steps');
    expect(validationFieldOf(startCommand({ steps: [THREE_STEPS[1]!] }))).toBe('steps[0].step');
    expect(validationFieldOf(startCommand({ steps: [THREE_STEPS[0]!, THREE_STEPS[2]!] }))).toBe('steps[1].step');
    expect(validationFieldOf(startCommand({ steps: [{ ...THREE_STEPS[0]!, delayDays: -1 }] }))).toBe('steps[0].delayDays');
    expect(validationFieldOf(startCommand({ email: ' ' }))).toBe('email');
    expect(validationFieldOf(startCommand({ now: 'yesterday' }))).toBe('now');
    expect(validationFieldOf(startCommand({ sequenceId: 0 }))).toBe('sequenceId');
  });
});

describe('RecordEmailSent', () => {
  it('schedules the next step by its delay, counted from this send', () => {
    given([started()]).when(sendCommand(1, 0)).then([sent(1, 0, day(3))]);
    // sent half a day late: step 2 is still 3 days after the real send
    given([started()]).when(sendCommand(1, 0.5)).then([sent(1, 0.5, day(3.5))]);
    given([started(), sent(1, 0, day(3))]).when(sendCommand(2, 3)).then([sent(2, 3, day(10))]);
  });

  it('completes the sequence with the last step', () => {
    given([started(), sent(1, 0, day(3)), sent(2, 3, day(10))])
      .when(sendCommand(3, 10))
      .then([sent(3, 10, null), completed(10)]);
    const oneStep = [THREE_STEPS[0]!];
    given([started({ steps: oneStep })]).when(sendCommand(1, 0)).then([sent(1, 0, null), completed(0)]);
  });

  it('never sends a step twice, nor skips one', () => {
    given([started(), sent(1, 0, day(3))]).when(sendCommand(1, 3)).then(InvalidStateError);
    given([started()]).when(sendCommand(2, 0)).then(InvalidStateError);
  });

  it('sends nothing unless active', () => {
    given([]).when(sendCommand(1, 0)).then(InvalidStateError);
    given([started(), paused(0)]).when(sendCommand(1, 1)).then(InvalidStateError);
    given([started(), stopped(0)]).when(sendCommand(1, 1)).then(InvalidStateError);
    given([started(), qualified(0)]).when(sendCommand(1, 1)).then(InvalidStateError);
    given(allSent).when(sendCommand(4, 11)).then(InvalidStateError);
    given(allSent).when(sendCommand(3, 11)).then(InvalidStateError);
  });
});

describe('RecordEmailSendFailed', () => {
  const failed = (step: number, atDay: number): SequenceCommand => ({
    type: 'RecordEmailSendFailed',
    data: { step, emailEventId: `e${step}`, error: 'HTTP 503', attempts: 3, now: day(atDay) },
  });

  it('records the failure of the next step and leaves it to send (after a backoff of 1 h)', () => {
    const fact = event<EmailSendFailed>('EmailSendFailed', {
      step: 1,
      emailEventId: 'e1',
      error: 'HTTP 503',
      attempts: 3,
      permanent: false,
      failures: 1,
      nextAttemptAt: day(1 / 24),
      occurredAt: T0,
    });
    given([started()]).when(failed(1, 0)).then([fact]);
    const after = replay([started(), fact]);
    expect(after.currentStep).toBe(0);
    expect(after.lastSendFailure).toEqual({ step: 1, error: 'HTTP 503', attempts: 3, at: T0, permanent: false, failures: 1, permanentFailures: 0 });
    given([started(), fact]).when(sendCommand(1, 0.1)).then([sent(1, 0.1, day(3.1))]);
  });

  it('only for the next step of an active sequence', () => {
    given([started(), sent(1, 0, day(3))]).when(failed(1, 1)).then(InvalidStateError);
    given([started(), paused(0)]).when(failed(1, 1)).then(InvalidStateError);
    given([]).when(failed(1, 1)).then(InvalidStateError);
  });
});

describe('PauseSequence', () => {
  it('pauses an active sequence', () => {
    given([started()]).when(pause(1)).then([paused(1)]);
  });

  it('refuses anything but active', () => {
    given([]).when(pause(1)).then(InvalidStateError);
    given([started(), paused(0)]).when(pause(1)).then(InvalidStateError);
    given(allSent).when(pause(11)).then(InvalidStateError);
    given([started(), stopped(0)]).when(pause(1)).then(InvalidStateError);
  });
});

describe('PauseIfInactive', () => {
  it('pauses after pause_after_days without engagement since the start', () => {
    given([started()]).when(pauseIfInactive(29.99)).then([]);
    given([started()]).when(pauseIfInactive(30)).then([paused(30, 'inactive')]);
    given([started(), sent(1, 0, day(3))]).when(pauseIfInactive(7, 7)).then([paused(7, 'inactive')]);
  });

  it('counts from the last real engagement', () => {
    given([started(), opened('o1', 10)]).when(pauseIfInactive(39.99)).then([]);
    given([started(), opened('o1', 10)]).when(pauseIfInactive(40)).then([paused(40, 'inactive')]);
  });

  it('ignores machine opens', () => {
    given([started(), opened('o1', 10, true)]).when(pauseIfInactive(30)).then([paused(30, 'inactive')]);
  });

  it('counts from a resume', () => {
    const history = [started(), paused(1), resumed(35, day(35))];
    given(history).when(pauseIfInactive(64.9)).then([]);
    given(history).when(pauseIfInactive(65)).then([paused(65, 'inactive')]);
  });

  it('does nothing unless active', () => {
    given([]).when(pauseIfInactive(100)).then([]);
    given([started(), paused(1)]).when(pauseIfInactive(100)).then([]);
    given(allSent).when(pauseIfInactive(100)).then([]);
    given([started(), qualified(1)]).when(pauseIfInactive(100)).then([]);
  });

  it('rejects a negative pause_after_days', () => {
    expect(validationFieldOf(pauseIfInactive(1, -1), [started()])).toBe('pauseAfterDays');
  });
});

describe('ResumeSequence', () => {
  it('keeps the stored send time when it is still ahead', () => {
    given([started(), sent(1, 0, day(3)), paused(1)]).when(resume(2)).then([resumed(2, day(3))]);
  });

  it('sends at once when the stored send time has passed', () => {
    given([started(), sent(1, 0, day(3)), paused(1)]).when(resume(5)).then([resumed(5, day(5))]);
  });

  it('only resumes a paused sequence', () => {
    given([started()]).when(resume(1)).then(InvalidStateError);
    given([]).when(resume(1)).then(InvalidStateError);
    given([started(), stopped(1)]).when(resume(2)).then(InvalidStateError);
  });
});

describe('StopSequence', () => {
  it('stops an active or paused sequence', () => {
    given([started()]).when(stop(1)).then([stopped(1)]);
    given([started(), paused(1)]).when(stop(2)).then([stopped(2)]);
  });

  it('refuses a sequence that is not running', () => {
    given([]).when(stop(1)).then(InvalidStateError);
    given(allSent).when(stop(11)).then(InvalidStateError);
    given([started(), qualified(1)]).when(stop(2)).then(InvalidStateError);
    given([started(), stopped(1)]).when(stop(2)).then(InvalidStateError);
  });
});

describe('decide', () => {
  it('is pure: the same state and command give the same events', () => {
    const state = replay([started()]);
    expect(decide(sendCommand(1, 0), state)).toEqual(decide(sendCommand(1, 0), state));
    expect(replay([started()])).toEqual(state);
    expect(initialState.status).toBe('none');
  });
});
