// Suppression at send time: a due step of a suppressed address is never reserved (so never
// POSTed); the sequence stops with reason `suppressed`.
import { InvalidStateError } from '../shared/errors.js';
import type { ReserveEmailSend } from './commands.js';
import { event, type EmailSendReserved, type SequencePaused, type SequenceStopped } from './events.js';
import { day, sent, started } from './fixtures.js';
import { given } from './given-when-then.js';

const reserve = (step: number, atDay: number, extra: Partial<ReserveEmailSend['data']> = {}): ReserveEmailSend => ({
  type: 'ReserveEmailSend',
  data: { step, emailEventId: `e-${step}`, runId: 'run-b', addressSuppressed: true, now: day(atDay), ...extra },
});
const stoppedSuppressed = (atDay: number) => event<SequenceStopped>('SequenceStopped', { reason: 'suppressed', occurredAt: day(atDay) });

describe('ReserveEmailSend for a suppressed address', () => {
  it('given a due step, then the sequence stops (suppressed) instead of reserving it', () => {
    given([started(), sent(1, 0, day(3))]).when(reserve(2, 3)).then([stoppedSuppressed(3)]);
  });

  it('given a dead run\'s reservation, then it is not taken over: the sequence stops', () => {
    const held = event<EmailSendReserved>('EmailSendReserved', { step: 1, emailEventId: 'e-1', runId: 'run-a', takenOverFrom: null, occurredAt: day(0) });
    given([started(), held]).when(reserve(1, 1, { takeOverFrom: 'run-a' })).then([stoppedSuppressed(1)]);
  });

  it('given a paused sequence, then nothing is decided (a paused sequence sends nothing anyway)', () => {
    const paused = event<SequencePaused>('SequencePaused', { reason: 'manual', occurredAt: day(1) });
    given([started(), sent(1, 0, day(3)), paused]).when(reserve(2, 3)).then(InvalidStateError);
  });

  it('given the address is not suppressed, then the step is reserved as usual', () => {
    given([started()])
      .when(reserve(1, 0, { addressSuppressed: false, runId: 'run-a' }))
      .then([event<EmailSendReserved>('EmailSendReserved', { step: 1, emailEventId: 'e-1', runId: 'run-a', takenOverFrom: null, occurredAt: day(0) })]);
  });
});
