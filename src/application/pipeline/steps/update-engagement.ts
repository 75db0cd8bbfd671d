// Polls the engagement API and turns each new fact into an event exactly once; then qualifies
// the leads whose score reached the threshold. The API answers booleans per address; as the
// specification's own queries do, an answer is a fact about each email sent to that address in
// the last `engagement_lookback_days` that does not have it yet: four opened emails are four
// opens. A fact's id names its email and kind, so a repeated poll adds nothing.
import type { EngagementType, RecordEngagement, SequenceCommand } from '../../../domain/sequence/commands.js';
import { MS_PER_DAY, isoOf } from '../../../domain/shared/time.js';
import type { EngagementSnapshot } from '../../ports/engagement-source.js';
import { type EngagementDelivery, commitEngagement, planEngagement } from '../../engagement/engagement-batch.js';
import { rematchParkedEngagement } from '../../engagement/rematch-parked-engagement.js';
import type { AddressEmails, RecentEmail } from '../../ports/pipeline-read-model.js';
import { chunks, mapWithConcurrency } from '../concurrency.js';
import { decideMany } from '../decide-many.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';
import { recordInTurn } from '../record-in-turn.js';

const KINDS: { flag: keyof EngagementSnapshot & keyof RecentEmail; type: EngagementType }[] = [
  { flag: 'opened', type: 'opened' },
  { flag: 'clicked', type: 'clicked' },
  { flag: 'replied', type: 'replied' },
];
const BATCH = 500;
/** Addresses asked per page: one read of their emails, then their facts appended together. */
const ADDRESS_PAGE = 1000;

export async function updateEngagement(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder): Promise<void> {
  await deps.readModel.catchUp();
  const source = deps.engagementSource(ctx.params);
  if (!source) rec.note('engagement_api_url not set: engagement comes from webhooks only');
  else await pollEngagement(ctx, deps, rec, source.engagementOf.bind(source));
  await rematchParked(ctx, deps, rec);
  await qualify(ctx, deps, rec);
}

/** Webhook events parked because nothing matched them when they arrived get another chance. */
async function rematchParked(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder): Promise<void> {
  if (ctx.params.dry_run) return rec.note('dry run: parked engagement events are not matched again');
  const { matcher, unmatched } = deps.engagementMatching;
  const ingestDeps = { store: deps.store, matcher, unmatched, catchUp: () => deps.readModel.catchUp() };
  const options = { minScoreToQualify: ctx.params.min_score_to_qualify, stopOnReply: ctx.params.stop_on_reply, now: ctx.now };
  const ingest = async (deliveries: EngagementDelivery[]) =>
    (await commitEngagement(await planEngagement(deliveries, ingestDeps, options), ingestDeps, options)).results;
  const result = await rematchParkedEngagement(unmatched, ingest, { now: ctx.now, retryDays: ctx.params.unmatched_retry_days });
  if (result.matched > 0) rec.count('parked_matched', result.matched);
  if (result.expired > 0) rec.count('parked_expired', result.expired);
}

async function pollEngagement(
  ctx: RunContext,
  deps: PipelineDeps,
  rec: StepRecorder,
  engagementOf: (email: string) => Promise<EngagementSnapshot>,
): Promise<void> {
  const since = isoOf(Date.parse(ctx.now) - ctx.params.engagement_lookback_days * MS_PER_DAY);
  rec.set('polled', 0);
  for (let after: string | null = null; ; ) {
    const page: AddressEmails[] = await deps.readModel.recentlySentEmails(since, ctx.now, after, ADDRESS_PAGE);
    if (page.length === 0) break;
    after = page.at(-1)!.address;
    rec.count('polled', page.length);
    const answers = await mapWithConcurrency(page, ctx.params.http_concurrency, async ({ address }) => {
      try {
        return await engagementOf(address);
      } catch (error) {
        rec.count('poll_errors');
        rec.error(`engagement of ${address}: ${(error as Error).message}`);
        return null;
      }
    });
    const commands = page.flatMap(({ emails }, i) => factsOf(emails, answers[i] ?? null, ctx));
    for (const batch of chunks(commands, BATCH)) {
      const result = await recordInTurn(deps.store, batch, { runId: ctx.runId, source: 'engagement_api' });
      for (const { command } of result.recorded) rec.count(`new_${command.data.engagementType}`);
      rec.count('qualified', result.qualified);
      for (const { sequenceId, reason } of result.refused) rec.error(`engagement of sequence ${sequenceId}: ${reason}`);
    }
  }
}

/** One fact per email of the window that lacks what the API says happened. */
function factsOf(emails: readonly RecentEmail[], answer: EngagementSnapshot | null, ctx: RunContext): { sequenceId: number; command: RecordEngagement }[] {
  if (answer === null) return [];
  return emails.flatMap((email) =>
    KINDS.filter(({ flag }) => answer[flag] && !email[flag]).map(({ type }) => ({
      sequenceId: email.sequenceId,
      command: {
        type: 'RecordEngagement' as const,
        data: {
          engagementType: type,
          providerEventId: `engagement-api:${email.sequenceId}:${email.step}:${type}`,
          step: email.step,
          // The API says when it was asked, not when it happened (sent_at <= now, by the query).
          occurredAt: ctx.now,
          minScoreToQualify: ctx.params.min_score_to_qualify,
          stopOnReply: ctx.params.stop_on_reply,
          now: ctx.now,
        },
      },
    })),
  );
}

/** A lead can also reach the threshold without new engagement (a lower `min_score_to_qualify`). */
async function qualify(ctx: RunContext, deps: PipelineDeps, rec: StepRecorder): Promise<void> {
  await deps.readModel.catchUp();
  const candidates = await deps.readModel.qualificationCandidates(ctx.params.min_score_to_qualify);
  for (const batch of chunks(candidates, BATCH)) {
    const result = await decideMany(
      deps.store,
      batch,
      (): SequenceCommand => ({ type: 'QualifyIfEligible', data: { minScoreToQualify: ctx.params.min_score_to_qualify, now: ctx.now } }),
      { runId: ctx.runId },
    );
    rec.count('qualified', result.decided.length);
  }
}
