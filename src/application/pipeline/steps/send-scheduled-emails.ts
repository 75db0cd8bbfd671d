// Sends what is due, effectively once per (sequence, step): reserve the step in the stream
// (expected revision: one sender wins), POST with `Idempotency-Key: <sequence>:<step>`, record
// the outcome (group commits of at most OUTCOME_FLUSH_MS). A reservation left by a dead run is
// taken over and retried with the same key.
import type { SequenceCommand } from '../../../domain/sequence/commands.js';
import { evolve, isDue, type SequenceState } from '../../../domain/sequence/state.js';
import type { OutgoingEmail, SendOutcome } from '../../ports/email-sender.js';
import type { UnsubscribeLinks } from '../../ports/unsubscribe-links.js';
import { composeEmail } from '../compose-email.js';
import { chunks, mapWithConcurrency } from '../concurrency.js';
import { type DecideManyResult, decideOnStates } from '../decide-many.js';
import { GroupCommit } from '../group-commit.js';
import { isSuppressed, loadWithSuppressions } from '../suppressed-at-send.js';
import { recordDryRun } from './record-dry-run.js';
import { emailEventIdOf, idempotencyKeyOf } from '../email-identity.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';

const BATCH = 2000;
/** Outcomes are recorded in group commits: when the oldest unrecorded one is this old… */
export const OUTCOME_FLUSH_MS = 250;
/** …or when this many wait (bench B2: see bench/README.md). */
export const OUTCOME_FLUSH_SIZE = 500;

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
  // Three stages overlap: a batch is reserved while the previous one is POSTed; each POST's
  // outcome goes, as it comes back, to a group commit that records it (one append per flush,
  // at most OUTCOME_FLUSH_MS after it) and then projects what was recorded. A crash thus re-sends
  // at most the POSTs in flight and the outcomes of one flush window.
  let posting: Promise<unknown> = Promise.resolve();
  let projecting: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;
  // Every stage's failure is kept (and rethrown below) from the moment it happens.
  const keep = (error: unknown) => {
    failure ??= { error };
  };
  const project = () => {
    // One pass at a time; a failed pass is only a delay: the next step's catch-up reports it.
    projecting ??= deps.readModel
      .catchUp()
      .catch(() => undefined)
      .finally(() => (projecting = null));
  };
  const outcomes = new GroupCommit<Posted>(
    async (posted) => {
      await recordOutcomes(ctx, deps, rec, posted);
      project();
    },
    { maxDelayMs: OUTCOME_FLUSH_MS, maxSize: OUTCOME_FLUSH_SIZE },
    keep,
  );
  try {
    for (const batch of chunks(due, BATCH)) {
      if (ctx.sendBudget <= 0 || failure) break;
      if (!sender) {
        await recordDryRun(ctx, deps, rec, batch);
        continue;
      }
      const reserved = await reserveBatch(ctx, deps, rec, batch);
      await posting;
      // Once something failed, nothing more is POSTed: what is reserved and not POSTed is
      // taken over by a later run.
      posting = postBatch(ctx, reserved, sender.send.bind(sender), links, (p) => outcomes.add(p), () => failure !== null).catch(keep);
    }
  } finally {
    await posting;
    await outcomes.close();
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

/** A POSTed email's outcome, with the state and revision its reservation left. */
interface Posted {
  sequenceId: number;
  state: SequenceState;
  revision: bigint;
  outcome: SendOutcome;
  subject: string;
  step: number;
  emailEventId: string;
}

/** POSTs the reserved emails (http_concurrency at a time), handing each outcome on as it comes
 * back; a failed send is an outcome too. */
async function postBatch(
  ctx: RunContext,
  reserved: DecideManyResult,
  send: (email: OutgoingEmail, key: string) => Promise<SendOutcome>,
  links: UnsubscribeLinks,
  posted: (outcome: Posted) => void,
  stop: () => boolean,
): Promise<void> {
  await mapWithConcurrency(reserved.decided, ctx.params.http_concurrency, async ({ sequenceId, events, state, revision }) => {
    if (stop()) return;
    const reservation = events.find((e) => e.type === 'EmailSendReserved')!;
    if (reservation.type !== 'EmailSendReserved') return;
    const { step, emailEventId } = reservation.data;
    const at = { sequenceId, state: events.reduce(evolve, state), revision, step, emailEventId };
    let email: OutgoingEmail;
    try {
      email = composeEmail(state, step, ctx.params.email_from, links);
    } catch (error) {
      // The sequence's snapshot of its template cannot render: no run will do better.
      posted({ ...at, outcome: { ok: false, error: `render: ${(error as Error).message}`, attempts: 0, permanent: true }, subject: '' });
      return;
    }
    const outcome = await send(email, idempotencyKeyOf(sequenceId, step));
    posted({ ...at, outcome, subject: email.subject });
  });
}

/** Records POSTed outcomes in the streams (one append), decided on the states the reservations
 * left: no second read of the streams. */
async function recordOutcomes(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder, posted: Posted[]): Promise<void> {
  const bySequence = new Map(posted.map((p) => [p.sequenceId, p]));
  const outcomeCommand = (_state: SequenceState, sequenceId: number): SequenceCommand | null => {
    const o = bySequence.get(sequenceId);
    if (!o) return null;
    return o.outcome.ok
      ? {
          type: 'RecordEmailSent',
          data: { step: o.step, emailEventId: o.emailEventId, providerMessageId: o.outcome.providerMessageId, subject: o.subject, dryRun: false, now: ctx.now },
        }
      : {
          type: 'RecordEmailSendFailed',
          data: {
            step: o.step,
            emailEventId: o.emailEventId,
            error: o.outcome.error,
            attempts: o.outcome.attempts,
            permanent: o.outcome.permanent,
            maxSendFailures: ctx.params.max_send_failures,
            now: ctx.now,
          },
        };
  };
  const result = await decideOnStates(deps.store, posted, outcomeCommand, { runId: ctx.runId });
  for (const { sequenceId, outcome } of posted) {
    if (outcome.ok) rec.count('sent');
    else {
      rec.count('failed');
      if (outcome.permanent) rec.count('failed_permanent');
      rec.error(`sequence ${sequenceId}: ${outcome.error}`);
    }
  }
  const stopped = result.decided.filter((d) => d.events.some((e) => e.type === 'SequenceStopped')).length;
  if (stopped > 0) rec.count('stopped_send_failed', stopped);
  for (const r of result.refused) rec.error(`sequence ${r.sequenceId}: outcome not recorded: ${r.reason}`);
}
