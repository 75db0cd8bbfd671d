// ReserveEmailSend: the per-step claim that makes sending effectively-once.
import { InvalidStateError, ValidationError } from '../shared/errors.js';
import type { ReserveEmailSend } from './commands.js';
import { event, type EmailSendFailed, type EmailSendReserved, type EmailSent, type SequenceStopped } from './events.js';
import { day, sendCommand, sent, started } from './fixtures.js';
import { given } from './given-when-then.js';

const EMAIL_1 = 'e-1';
const reserveCommand = (step: number, atDay: number, runId: string, takeOverFrom: string | null = null): ReserveEmailSend => ({
  type: 'ReserveEmailSend',
  data: { step, emailEventId: `e-${step}`, runId, takeOverFrom, now: day(atDay) },
});
const reserved = (step: number, atDay: number, runId: string, takenOverFrom: string | null = null) =>
  event<EmailSendReserved>('EmailSendReserved', { step, emailEventId: `e-${step}`, runId, takenOverFrom, occurredAt: day(atDay) });
const stopped = (atDay: number) => event<SequenceStopped>('SequenceStopped', { reason: 'unsubscribed', occurredAt: day(atDay) });

describe('ReserveEmailSend', () => {
  it('claims the next due step for a run', () => {
    given([started()]).when(reserveCommand(1, 0, 'run-a')).then([reserved(1, 0, 'run-a')]);
  });

  it('refuses a second claim on a reserved step: only one sender may POST it', () => {
    given([started(), reserved(1, 0, 'run-a')]).when(reserveCommand(1, 0, 'run-b')).then(InvalidStateError);
  });

  it('lets a run take over the reservation of a dead run, keeping the email id (and so its idempotency key)', () => {
    given([started(), reserved(1, 0, 'run-a')])
      .when({ type: 'ReserveEmailSend', data: { step: 1, emailEventId: 'other-id', runId: 'run-b', takeOverFrom: 'run-a', now: day(1) } })
      .then([event<EmailSendReserved>('EmailSendReserved', { step: 1, emailEventId: EMAIL_1, runId: 'run-b', takenOverFrom: 'run-a', occurredAt: day(1) })]);
  });

  it('refuses a take-over once the sequence is no longer active: its email is not retried', () => {
    given([started(), reserved(1, 0, 'run-a'), stopped(0)]).when(reserveCommand(1, 1, 'run-b', 'run-a')).then(InvalidStateError);
  });

  it('refuses a take-over naming the wrong holder', () => {
    given([started(), reserved(1, 0, 'run-a')]).when(reserveCommand(1, 1, 'run-b', 'run-x')).then(InvalidStateError);
  });

  it('refuses a step that is not due yet, or not the next one', () => {
    given([started(), sent(1, 0, day(3))]).when(reserveCommand(2, 2, 'run-a')).then(InvalidStateError);
    given([started(), sent(1, 0, day(3))]).when(reserveCommand(3, 3, 'run-a')).then(InvalidStateError);
    given([started(), sent(1, 0, day(3))]).when(reserveCommand(2, 3, 'run-a')).then([reserved(2, 3, 'run-a')]);
  });

  it('refuses a sequence that is not active', () => {
    given([started(), stopped(0)]).when(reserveCommand(1, 0, 'run-a')).then(InvalidStateError);
  });

  it('rejects a missing run id, naming the field', () => {
    expect(() => given([started()]).when(reserveCommand(1, 0, '')).then([])).toThrow(/runId/);
    given([started()]).when(reserveCommand(1, 0, ' ')).then(ValidationError);
  });
});

describe('outcomes of a reserved step', () => {
  it('records the send of the reserved step and releases the reservation', () => {
    given([started(), reserved(1, 0, 'run-a')])
      .when({ ...sendCommand(1, 0), data: { ...sendCommand(1, 0).data, emailEventId: EMAIL_1 } })
      .then([event<EmailSent>('EmailSent', { ...sent(1, 0, day(3)).data, emailEventId: EMAIL_1 })]);
  });

  it('records the send even if the sequence stopped while the email was in flight, scheduling nothing more', () => {
    given([started(), reserved(1, 0, 'run-a'), stopped(0)])
      .when({ ...sendCommand(1, 0), data: { ...sendCommand(1, 0).data, emailEventId: EMAIL_1 } })
      .then([event<EmailSent>('EmailSent', { ...sent(1, 0, null).data, emailEventId: EMAIL_1 })]);
  });

  it('refuses an outcome for another step or another email id than the reserved one', () => {
    given([started(), reserved(1, 0, 'run-a')])
      .when({ ...sendCommand(1, 0), data: { ...sendCommand(1, 0).data, emailEventId: 'e-9' } })
      .then(ValidationError);
  });

  it('a failure releases the reservation, so a later run may claim the step again', () => {
    const failed = event<EmailSendFailed>('EmailSendFailed', {
      step: 1,
      emailEventId: EMAIL_1,
      error: 'HTTP 503',
      attempts: 4,
      permanent: false,
      failures: 1,
      nextAttemptAt: day(1 / 24),
      occurredAt: day(0),
    });
    given([started(), reserved(1, 0, 'run-a')])
      .when({ type: 'RecordEmailSendFailed', data: { step: 1, emailEventId: EMAIL_1, error: 'HTTP 503', attempts: 4, now: day(0) } })
      .then([failed]);
    given([started(), reserved(1, 0, 'run-a'), failed]).when(reserveCommand(1, 1, 'run-b')).then([reserved(1, 1, 'run-b')]);
  });
});
