// A failed send: transient failures back off across runs; `max_send_failures` permanent ones
// stop the sequence (`send_failed`); a successful send starts the count again.
import fc from 'fast-check';
import { ValidationError } from '../shared/errors.js';
import type { RecordEmailSendFailed, ReserveEmailSend } from './commands.js';
import { decide } from './decide.js';
import { event, type EmailSendFailed, type EmailSendReserved, type SequenceEvent, type SequenceStopped } from './events.js';
import { day, sent, started } from './fixtures.js';
import { given } from './given-when-then.js';
import { SEND_RETRY_CAP_MS, sendRetryDelayMs } from './send-failure.js';
import { evolve, isDue, replay } from './state.js';

const HOUR = 1 / 24;
const failCommand = (step: number, atDay: number, permanent: boolean, maxSendFailures = 3): RecordEmailSendFailed => ({
  type: 'RecordEmailSendFailed',
  data: { step, emailEventId: `e${step}`, error: permanent ? 'HTTP 400' : 'HTTP 503', attempts: permanent ? 1 : 4, permanent, maxSendFailures, now: day(atDay) },
});
const failedEvent = (step: number, atDay: number, permanent: boolean, failures: number, nextAttemptAt?: string) =>
  event<EmailSendFailed>('EmailSendFailed', {
    step,
    emailEventId: `e${step}`,
    error: permanent ? 'HTTP 400' : 'HTTP 503',
    attempts: permanent ? 1 : 4,
    permanent,
    failures,
    ...(nextAttemptAt !== undefined ? { nextAttemptAt } : {}),
    occurredAt: day(atDay),
  });
const stoppedForFailures = (atDay: number) => event<SequenceStopped>('SequenceStopped', { reason: 'send_failed', occurredAt: day(atDay) });
const reserve = (step: number, atDay: number): ReserveEmailSend => ({
  type: 'ReserveEmailSend',
  data: { step, emailEventId: `e${step}`, runId: 'run-b', takeOverFrom: null, now: day(atDay) },
});

describe('a failed send', () => {
  it('backs the step off across runs: 1 h, 2 h, 4 h … doubling from each failure, at most 24 h', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => sendRetryDelayMs(n) / 3_600_000)).toEqual([1, 2, 4, 8, 16, 24, 24, 24]);
    given([started()]).when(failCommand(1, 0, false)).then([failedEvent(1, 0, false, 1, day(HOUR))]);
    given([started(), failedEvent(1, 0, false, 1, day(HOUR))]).when(failCommand(1, 0.5, false)).then([failedEvent(1, 0.5, false, 2, day(0.5 + 2 * HOUR))]);
  });

  it('is not due (nor reservable) before its next attempt, and is after', () => {
    const history = [started(), failedEvent(1, 0, false, 1, day(HOUR))];
    const state = replay(history);
    expect(state.nextSendAt).toBe(day(HOUR));
    expect(isDue(state, day(0.5 * HOUR))).toBe(false);
    expect(isDue(state, day(HOUR))).toBe(true);
    expect(() => decide(reserve(1, 0.5 * HOUR), state)).toThrow(/not due until/);
    given(history).when(reserve(1, HOUR)).then([
      event<EmailSendReserved>('EmailSendReserved', { step: 1, emailEventId: 'e1', runId: 'run-b', takenOverFrom: null, occurredAt: day(HOUR) }),
    ]);
  });

  it('stops the sequence (send_failed) at the max_send_failures-th permanent failure of the step, backing off until then', () => {
    const history: SequenceEvent[] = [started(), failedEvent(1, 0, true, 1, day(HOUR)), failedEvent(1, 1, true, 2, day(1 + 2 * HOUR))];
    given([started()]).when(failCommand(1, 0, true)).then([failedEvent(1, 0, true, 1, day(HOUR))]);
    given(history).when(failCommand(1, 2, true)).then([failedEvent(1, 2, true, 3), stoppedForFailures(2)]);
    const after = replay([...history, failedEvent(1, 2, true, 3), stoppedForFailures(2)]);
    expect(after).toMatchObject({ status: 'stopped', stopReason: 'send_failed', nextSendAt: null });
    given([started()]).when(failCommand(1, 0, true, 1)).then([failedEvent(1, 0, true, 1), stoppedForFailures(0)]);
  });

  it('counts transient failures for the backoff but not toward the stop, and they do not reset it', () => {
    const history: SequenceEvent[] = [
      started(),
      failedEvent(1, 0, true, 1, day(HOUR)),
      failedEvent(1, 1, false, 2, day(1 + 2 * HOUR)),
      failedEvent(1, 2, true, 3, day(2 + 4 * HOUR)),
    ];
    expect(replay(history).lastSendFailure).toMatchObject({ failures: 3, permanentFailures: 2 });
    given(history).when(failCommand(1, 3, false)).then([failedEvent(1, 3, false, 4, day(3 + 8 * HOUR))]);
    given(history).when(failCommand(1, 3, true)).then([failedEvent(1, 3, true, 4), stoppedForFailures(3)]);
  });

  it('a successful send starts the count again for the next step', () => {
    const history: SequenceEvent[] = [started(), failedEvent(1, 0, true, 1, day(HOUR)), failedEvent(1, 1, true, 2, day(1 + 2 * HOUR)), sent(1, 2, day(5))];
    expect(replay(history).lastSendFailure).toBeNull();
    given(history).when(failCommand(2, 5, true)).then([failedEvent(2, 5, true, 1, day(5 + HOUR))]);
  });

  it('an outcome for a sequence stopped while the email was in flight reschedules and stops nothing', () => {
    const reserved = event<EmailSendReserved>('EmailSendReserved', { step: 1, emailEventId: 'e1', runId: 'run-a', takenOverFrom: null, occurredAt: day(0) });
    const manualStop = event<SequenceStopped>('SequenceStopped', { reason: 'manual', occurredAt: day(0) });
    given([started(), reserved, manualStop]).when(failCommand(1, 0, true, 1)).then([failedEvent(1, 0, true, 1)]);
    expect(replay([started(), reserved, manualStop, failedEvent(1, 0, true, 1)]).nextSendAt).toBeNull();
  });

  it('reads older events without the new fields: each counts as one more failed run, transient, with no backoff', () => {
    const old = (atDay: number) => event<EmailSendFailed>('EmailSendFailed', { step: 1, emailEventId: 'e1', error: 'HTTP 503', attempts: 3, occurredAt: day(atDay) });
    const state = replay([started(), old(0), old(1)]);
    expect(state.lastSendFailure).toMatchObject({ failures: 2, permanentFailures: 0, permanent: false });
    expect(state.nextSendAt).toBe(day(0));
    given([started(), old(0), old(1)]).when(failCommand(1, 2, false)).then([failedEvent(1, 2, false, 3, day(2 + 4 * HOUR))]);
  });

  it('refuses a max_send_failures that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) given([started()]).when(failCommand(1, 0, true, bad)).then(ValidationError);
  });

  it('property: whatever the failures, the step is never due before its backoff, and only permanent ones stop it', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (kinds, max) => {
        let state = replay([started()]);
        let at = 0;
        let permanent = 0;
        for (const isPermanent of kinds) {
          if (state.status !== 'active') break;
          const events = decide(failCommand(1, at, isPermanent, max), state);
          state = events.reduce(evolve, state);
          permanent += isPermanent ? 1 : 0;
          if (permanent >= max) {
            expect(state).toMatchObject({ status: 'stopped', stopReason: 'send_failed' });
            break;
          }
          expect(state.status).toBe('active');
          const wait = Date.parse(state.nextSendAt!) - Date.parse(day(at));
          expect(wait).toBe(sendRetryDelayMs(state.lastSendFailure!.failures));
          expect(wait).toBeLessThanOrEqual(SEND_RETRY_CAP_MS);
          expect(isDue(state, new Date(Date.parse(state.nextSendAt!) - 1).toISOString())).toBe(false);
          at += wait / 86_400_000;
        }
      }),
    );
  });
});
