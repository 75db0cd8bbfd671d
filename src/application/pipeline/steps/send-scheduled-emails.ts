// Sends what is due, effectively once per (sequence, step): reserve the step in the stream
// (expected revision: one sender wins), POST with `Idempotency-Key: <sequence>:<step>`, record
// the outcome. A reservation left by a dead run is taken over and retried with the same key.
import type { SequenceCommand } from '../../../domain/sequence/commands.js';
import { evolve, isDue, type SequenceState } from '../../../domain/sequence/state.js';
import type { OutgoingEmail, SendOutcome } from '../../ports/email-sender.js';
import type { UnsubscribeLinks } from '../../ports/unsubscribe-links.js';
import { composeEmail } from '../compose-email.js';
import { chunks, mapWithConcurrency } from '../concurrency.js';
import { type DecideManyResult, decideOnStates } from '../decide-many.js';
import { isSuppressed, loadWithSuppressions } from '../suppressed-at-send.js';
import { recordDryRun } from './record-dry-run.js';
import { emailEventIdOf, idempotencyKeyOf } from '../email-identity.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';

const BATCH = 2000;

export async function sendScheduledEmails(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder): Promise<void> {
  await deps.readModel.catchUp();
  if (ctx.sendBudget <= 0) {
    rec.note('max_emails_per_run reached: nothing more is sent this run');
    return;
  }
  const due = await deps.readModel.dueSequenceIds(ctx.now, ctx.sendBudget);
  rec.set('due', due.length);
  const sender = ctx.params.dry_run ? null : deps.emailSender(ctx.params);
  const links = await deps.unsubscribeLinks();
  // Three stages overlap: a batch is reserved while the previous one is POSTed, and a POSTed
  // batch's outcomes are recorded (then projected) while the next one is POSTed. The HTTP client
  // works on one batch at a time; the database works meanwhile.
  let posting: Promise<unknown> = Promise.resolve();
  let projecting: Promise<void> | null = null;
  const recording: Promise<void>[] = [];
  let failure: { error: unknown } | null = null;
  // Every stage's failure is kept (and rethrown below) from the moment it happens.
  const kept = <T>(stage: Promise<T>): Promise<T | undefined> =>
    stage.catch((error: unknown) => {
      failure ??= { error };
      return undefined;
    });
  const project = () => {
    // One pass at a time; a failed pass is only a delay: the next step's catch-up reports it.
    projecting ??= deps.readModel
      .catchUp()
      .catch(() => undefined)
      .finally(() => (projecting = null));
  };
  try {
    for (const batch of chunks(due, BATCH)) {
      if (ctx.sendBudget <= 0 || failure) break;
      if (!sender) {
        await recordDryRun(ctx, deps, rec, batch);
        continue;
      }
      const reserved = await reserveBatch(ctx, deps, rec, batch);
      await posting;
      const posted = kept(postBatch(ctx, reserved, sender.send.bind(sender), links));
      posting = posted;
      recording.push(
        kept(
          posted.then(async (outcomes) => {
            if (!outcomes) return;
            await recordOutcomes(ctx, deps, rec, reserved, outcomes);
            project();
          }),
        ).then(() => undefined),
      );
    }
  } finally {
    await posting;
    await Promise.all(recording);
    await projecting;
  }
  if (failure) throw (failure as { error: unknown }).error;
}

/** Claims each due step of the batch for this run (taking over those of dead runs). */
async function reserveBatch(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder, sequenceIds: number[]): Promise<DecideManyResult> {
  const liveness = new Map<string, Promise<boolean>>();
  const alive = (runId: string) => {
    if (!liveness.has(runId)) liveness.set(runId, deps.coordination.isAlive(runId));
    return liveness.get(runId)!;
  };
  let budget = ctx.sendBudget;
  const { items, suppressed } = await loadWithSuppressions(deps, sequenceIds);
  const reserveCommand = async (state: SequenceState, sequenceId: number): Promise<SequenceCommand | null> => {
    const held = state.reservation;
    if (held && (held.runId === ctx.runId || (await alive(held.runId)))) return null; // in flight elsewhere
    if (!held && !isDue(state, ctx.now)) return null;
    const addressSuppressed = isSuppressed(state, suppressed);
    if (budget <= 0 && !addressSuppressed) return null;
    if (!addressSuppressed) budget -= 1;
    const step = held ? held.step : state.currentStep + 1;
    return {
      type: 'ReserveEmailSend',
      data: { step, emailEventId: emailEventIdOf(sequenceId, step), runId: ctx.runId, takeOverFrom: held?.runId ?? null, addressSuppressed, now: ctx.now },
    };
  };
  const decided = await decideOnStates(deps.store, items, reserveCommand, { runId: ctx.runId });
  const stopped = decided.decided.filter((d) => d.events.some((e) => e.type === 'SequenceStopped'));
  if (stopped.length > 0) rec.count('stopped_suppressed', stopped.length);
  const reserved: DecideManyResult = { decided: decided.decided.filter((d) => !stopped.includes(d)), refused: decided.refused };
  rec.count('reserved', reserved.decided.length);
  rec.count('taken_over', reserved.decided.filter((d) => d.events.some((e) => e.type === 'EmailSendReserved' && e.data.takenOverFrom)).length);
  ctx.sendBudget -= reserved.decided.length;
  return reserved;
}

type Outcomes = Map<number, { outcome: SendOutcome; subject: string; step: number; emailEventId: string }>;

/** POSTs the reserved emails (http_concurrency at a time); a failed send is an outcome too. */
async function postBatch(
  ctx: RunContext,
  reserved: DecideManyResult,
  send: (email: OutgoingEmail, key: string) => Promise<SendOutcome>,
  links: UnsubscribeLinks,
): Promise<Outcomes> {
  const outcomes: Outcomes = new Map();
  await mapWithConcurrency(reserved.decided, ctx.params.http_concurrency, async ({ sequenceId, events, state }) => {
    const reservation = events.find((e) => e.type === 'EmailSendReserved')!;
    if (reservation.type !== 'EmailSendReserved') return;
    const { step, emailEventId } = reservation.data;
    let email: OutgoingEmail;
    try {
      email = composeEmail(state, step, ctx.params.email_from, links);
    } catch (error) {
      outcomes.set(sequenceId, { outcome: { ok: false, error: `render: ${(error as Error).message}`, attempts: 0 }, subject: '', step, emailEventId });
      return;
    }
    const outcome = await send(email, idempotencyKeyOf(sequenceId, step));
    outcomes.set(sequenceId, { outcome, subject: email.subject, step, emailEventId });
  });
  return outcomes;
}

/** Records the outcomes of a POSTed batch in the streams (one append). */
async function recordOutcomes(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder, reserved: DecideManyResult, outcomes: Outcomes): Promise<void> {
  const outcomeCommand = (_state: SequenceState, sequenceId: number): SequenceCommand | null => {
    const o = outcomes.get(sequenceId);
    if (!o) return null;
    return o.outcome.ok
      ? {
          type: 'RecordEmailSent',
          data: { step: o.step, emailEventId: o.emailEventId, providerMessageId: o.outcome.providerMessageId, subject: o.subject, dryRun: false, now: ctx.now },
        }
      : { type: 'RecordEmailSendFailed', data: { step: o.step, emailEventId: o.emailEventId, error: o.outcome.error, attempts: o.outcome.attempts, now: ctx.now } };
  };
  // Decided on the states right after the reservations: no second read of the streams.
  const reservedStates = reserved.decided
    .filter((d) => outcomes.has(d.sequenceId))
    .map((d) => ({ sequenceId: d.sequenceId, state: d.events.reduce(evolve, d.state), revision: d.revision }));
  const result = await decideOnStates(deps.store, reservedStates, outcomeCommand, { runId: ctx.runId });
  for (const [sequenceId, { outcome }] of outcomes) {
    if (outcome.ok) rec.count('sent');
    else {
      rec.count('failed');
      rec.error(`sequence ${sequenceId}: ${outcome.error}`);
    }
  }
  for (const r of result.refused) rec.error(`sequence ${r.sequenceId}: outcome not recorded: ${r.reason}`);
}
