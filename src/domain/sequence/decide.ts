// The `Sequence` aggregate's decisions: given the state, what happens when a command arrives.
// Throws ValidationError for bad input and InvalidStateError for a command the status forbids.
import { InvalidStateError, ValidationError } from '../shared/errors.js';
import { addDays, instant, isoOf, MS_PER_DAY } from '../shared/time.js';
import type {
  PauseIfInactive,
  RecordEmailSendFailed,
  RecordEmailSent,
  ReserveEmailSend,
  ResumeSequence,
  SequenceCommand,
  StartSequence,
} from './commands.js';
import { decideEngagement } from './decide-engagement.js';
import {
  event,
  type EmailSendFailed,
  type EmailSendReserved,
  type EmailSent,
  type PauseReason,
  type SequenceCompleted,
  type SequenceEvent,
  type SequencePaused,
  type SequenceResumed,
  type SequenceStarted,
  type SequenceStopped,
  type StopReason,
} from './events.js';
import { requireNonNegativeNumber, requireStatus, requireText } from './guards.js';
import { qualification } from './qualification.js';
import { failureAfter, sendRetryDelayMs } from './send-failure.js';
import { isDue, type SequenceState } from './state.js';

function start({ data: d }: StartSequence, state: SequenceState): SequenceEvent[] {
  requireStatus(state, ['none'], 'start the sequence');
  if (!Number.isInteger(d.sequenceId) || d.sequenceId < 1) throw new ValidationError('sequenceId', 'must be a positive integer');
  requireText(d.leadExtId, 'leadExtId');
  requireText(d.email, 'email');
  requireText(d.templateName, 'templateName');
  if (d.baseScore !== null && !Number.isFinite(d.baseScore)) throw new ValidationError('baseScore', 'must be a number or null');
  if (!Array.isArray(d.steps) || d.steps.length === 0) throw new ValidationError('steps', 'must not be empty');
  d.steps.forEach((s, i) => {
    if (s.step !== i + 1) throw new ValidationError(`steps[${i}].step`, `must be ${i + 1} (steps are numbered 1..n in order)`);
    requireNonNegativeNumber(s.delayDays, `steps[${i}].delayDays`);
  });
  const now = instant(d.now, 'now');
  return [
    event<SequenceStarted>('SequenceStarted', {
      sequenceId: d.sequenceId,
      leadExtId: d.leadExtId,
      email: d.email,
      firstName: d.firstName,
      leadFields: d.leadFields,
      templateId: d.templateId,
      templateName: d.templateName,
      steps: d.steps,
      declaredTotalSteps: d.declaredTotalSteps,
      ...(typeof d.defaultFallback === 'string' ? { defaultFallback: d.defaultFallback } : {}),
      baseScore: d.baseScore,
      ...(d.stopOnReply === undefined || d.stopOnReply === null ? {} : { stopOnReply: d.stopOnReply }),
      firstSendAt: isoOf(addDays(now, d.steps[0]!.delayDays)),
      occurredAt: isoOf(now),
    }),
  ];
}

/** The step being sent must be the one after the last sent: this is what forbids double sends. */
function requireNextStep(state: SequenceState, step: number): void {
  requireStatus(state, ['active'], `record step ${step}`);
  if (step !== state.currentStep + 1 || step > state.totalSteps) {
    throw new InvalidStateError(
      `step ${step} is not the next step of sequence ${state.sequenceId}: ${state.currentStep} of ${state.totalSteps} sent`,
    );
  }
}

/** The outcome of a send: of the reserved step if one is reserved (whatever happened to the
 * sequence meanwhile — the email left), else of the next step of an active sequence. */
function requireOutcomeStep(state: SequenceState, step: number, emailEventId: string): void {
  const reserved = state.reservation;
  if (reserved === null) return requireNextStep(state, step);
  if (reserved.step !== step) {
    throw new InvalidStateError(`step ${reserved.step} of sequence ${state.sequenceId} is reserved, not step ${step}`);
  }
  if (reserved.emailEventId !== emailEventId) {
    throw new ValidationError('emailEventId', `must be the reserved email's id ${reserved.emailEventId}`);
  }
}

function reserve({ data: d }: ReserveEmailSend, state: SequenceState): SequenceEvent[] {
  requireText(d.runId, 'runId');
  requireText(d.emailEventId, 'emailEventId');
  const now = instant(d.now, 'now');
  const held = state.reservation;
  if (d.addressSuppressed === true) {
    // Suppression is enforced at send time, whatever put the address on the list: the due step
    // (or a dead run's reserved one) is never POSTed, and the sequence ends saying why.
    requireStatus(state, ['active'], `send step ${held?.step ?? d.step}`);
    if (held === null) requireNextStep(state, d.step);
    return [event<SequenceStopped>('SequenceStopped', { reason: 'suppressed', occurredAt: isoOf(now) })];
  }
  if (held !== null) {
    if (d.takeOverFrom !== held.runId) {
      throw new InvalidStateError(`step ${held.step} of sequence ${state.sequenceId} is reserved by run ${held.runId}`);
    }
    // A sequence stopped, paused or qualified since then must not get the email retried.
    requireStatus(state, ['active'], `take over step ${held.step}`);
    return [
      event<EmailSendReserved>('EmailSendReserved', {
        step: held.step,
        emailEventId: held.emailEventId,
        runId: d.runId,
        takenOverFrom: held.runId,
        occurredAt: isoOf(now),
      }),
    ];
  }
  requireNextStep(state, d.step);
  if (!isDue(state, isoOf(now))) {
    throw new InvalidStateError(`step ${d.step} of sequence ${state.sequenceId} is not due until ${state.nextSendAt}`);
  }
  return [
    event<EmailSendReserved>('EmailSendReserved', {
      step: d.step,
      emailEventId: d.emailEventId,
      runId: d.runId,
      takenOverFrom: null,
      occurredAt: isoOf(now),
    }),
  ];
}

function recordSent({ data: d }: RecordEmailSent, state: SequenceState): SequenceEvent[] {
  requireText(d.emailEventId, 'emailEventId');
  requireOutcomeStep(state, d.step, d.emailEventId);
  const now = instant(d.now, 'now');
  const following = state.steps[d.step]; // `delayDays` counts from this send
  const sending = state.status === 'active' || state.status === 'paused'; // else it stopped or qualified meanwhile
  const sent = event<EmailSent>('EmailSent', {
    step: d.step,
    emailEventId: d.emailEventId,
    providerMessageId: d.providerMessageId,
    subject: d.subject,
    dryRun: d.dryRun,
    nextSendAt: following === undefined || !sending ? null : isoOf(addDays(now, following.delayDays)),
    occurredAt: isoOf(now),
  });
  const completes = following === undefined && sending;
  return completes ? [sent, event<SequenceCompleted>('SequenceCompleted', { occurredAt: isoOf(now) })] : [sent];
}

/** A failed send backs the step off across runs; `maxSendFailures` permanent failures of the
 * step stop the sequence (`send_failed`). Only an active or paused sequence is rescheduled or
 * stopped: one stopped or qualified meanwhile just gets the fact. */
function recordSendFailed({ data: d }: RecordEmailSendFailed, state: SequenceState): SequenceEvent[] {
  requireOutcomeStep(state, d.step, d.emailEventId);
  if (d.maxSendFailures !== undefined && (!Number.isInteger(d.maxSendFailures) || d.maxSendFailures < 1)) {
    throw new ValidationError('maxSendFailures', 'must be a positive integer');
  }
  const { step, emailEventId, error, attempts } = d;
  const now = instant(d.now, 'now');
  const occurredAt = isoOf(now);
  const permanent = d.permanent ?? false;
  const failure = failureAfter(state.lastSendFailure, { step, error, attempts, permanent, at: occurredAt });
  const sending = state.status === 'active' || state.status === 'paused';
  const stops = sending && d.maxSendFailures !== undefined && failure.permanentFailures >= d.maxSendFailures;
  const failed = event<EmailSendFailed>('EmailSendFailed', {
    step,
    emailEventId,
    error,
    attempts,
    permanent,
    failures: failure.failures,
    ...(sending && !stops ? { nextAttemptAt: isoOf(now + sendRetryDelayMs(failure.failures)) } : {}),
    occurredAt,
  });
  if (!stops) return [failed];
  return [failed, event<SequenceStopped>('SequenceStopped', { reason: 'send_failed', occurredAt })];
}

/** Only an active sequence is paused for silence. */
export const AUTO_PAUSABLE_STATUS = 'active';

function pauseIfInactive({ data: d }: PauseIfInactive, state: SequenceState): SequenceEvent[] {
  requireNonNegativeNumber(d.pauseAfterDays, 'pauseAfterDays');
  const now = instant(d.now, 'now');
  if (state.status !== AUTO_PAUSABLE_STATUS) return [];
  const quietSince = Math.max(
    ...[state.startedAt, state.lastEngagementAt, state.resumedAt].map((at) => (at === null ? -Infinity : Date.parse(at))),
  );
  if (now - quietSince < d.pauseAfterDays * MS_PER_DAY) return [];
  return [event<SequencePaused>('SequencePaused', { reason: 'inactive', occurredAt: isoOf(now) })];
}

function resume({ data: d }: ResumeSequence, state: SequenceState): SequenceEvent[] {
  requireStatus(state, ['paused'], 'resume');
  const now = instant(d.now, 'now');
  const stored = state.nextSendAt === null ? null : Date.parse(state.nextSendAt);
  const nextSendAt = stored !== null && stored > now ? state.nextSendAt : isoOf(now);
  return [event<SequenceResumed>('SequenceResumed', { nextSendAt, occurredAt: isoOf(now) })];
}

function requireOneOf<T extends string>(value: T, allowed: readonly T[], field: string): void {
  if (!allowed.includes(value)) throw new ValidationError(field, `must be one of ${allowed.join(', ')}`);
}

const PAUSE_REASONS: readonly PauseReason[] = ['inactive', 'manual'];
// `send_failed` is decided by recordSendFailed, `suppressed` at send time, `replied` on a reply.
const STOP_REASONS: readonly StopReason[] = ['bounced', 'unsubscribed', 'complained', 'suppressed', 'replied', 'manual', 'send_failed'];

export function decide(command: SequenceCommand, state: SequenceState): SequenceEvent[] {
  switch (command.type) {
    case 'StartSequence':
      return start(command, state);
    case 'ReserveEmailSend':
      return reserve(command, state);
    case 'RecordEmailSent':
      return recordSent(command, state);
    case 'RecordEmailSendFailed':
      return recordSendFailed(command, state);
    case 'RecordEngagement':
      return decideEngagement(command, state);
    case 'QualifyIfEligible': {
      const { minScoreToQualify, now } = command.data;
      if (!Number.isFinite(minScoreToQualify)) throw new ValidationError('minScoreToQualify', 'must be a number');
      return qualification(state, minScoreToQualify, isoOf(instant(now, 'now')));
    }
    case 'PauseSequence': {
      requireOneOf(command.data.reason, PAUSE_REASONS, 'reason');
      requireStatus(state, ['active'], 'pause');
      return [event<SequencePaused>('SequencePaused', { reason: command.data.reason, occurredAt: isoOf(instant(command.data.now, 'now')) })];
    }
    case 'PauseIfInactive':
      return pauseIfInactive(command, state);
    case 'ResumeSequence':
      return resume(command, state);
    case 'StopSequence': {
      requireOneOf(command.data.reason, STOP_REASONS, 'reason');
      requireStatus(state, ['active', 'paused'], 'stop');
      return [event<SequenceStopped>('SequenceStopped', { reason: command.data.reason, occurredAt: isoOf(instant(command.data.now, 'now')) })];
    }
    default: {
      const unknown: never = command;
      throw new ValidationError('type', `unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
