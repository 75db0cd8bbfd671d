// Polls the engagement API for sequences with recent sends and turns each new fact into an
// event exactly once (the fact's id is per sequence and kind, so a repeated poll adds nothing);
// then qualifies the leads whose score reached the threshold.
import type { EngagementType, SequenceCommand } from '../../../domain/sequence/commands.js';
import { MS_PER_DAY, isoOf } from '../../../domain/shared/time.js';
import type { EngagementSnapshot } from '../../ports/engagement-source.js';
import { type EngagementDelivery, commitEngagement, planEngagement } from '../../engagement/ingest-engagement.js';
import { rematchParkedEngagement } from '../../engagement/rematch-parked-engagement.js';
import { chunks, mapWithConcurrency } from '../concurrency.js';
import { decideMany } from '../decide-many.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import type { RunContext } from '../run-context.js';
import type { StepRecorder } from '../run-report.js';

const KINDS: { flag: keyof EngagementSnapshot; type: EngagementType }[] = [
  { flag: 'opened', type: 'opened' },
  { flag: 'clicked', type: 'clicked' },
  { flag: 'replied', type: 'replied' },
];
const BATCH = 500;

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
  const since = isoOf(Date.parse(ctx.now) - ctx.params.pause_after_days * MS_PER_DAY);
  const sequences = await deps.readModel.recentlySentSequences(since);
  rec.set('polled', sequences.length);
  const snapshots = new Map<number, EngagementSnapshot>();
  await mapWithConcurrency(sequences, ctx.params.http_concurrency, async ({ sequenceId, email }) => {
    try {
      snapshots.set(sequenceId, await engagementOf(email));
    } catch (error) {
      rec.count('poll_errors');
      rec.error(`engagement of sequence ${sequenceId}: ${(error as Error).message}`);
    }
  });
  for (const { flag, type } of KINDS) {
    const ids = [...snapshots].filter(([, s]) => s[flag]).map(([id]) => id);
    for (const batch of chunks(ids, BATCH)) {
      const command = (_: unknown, sequenceId: number): SequenceCommand => ({
        type: 'RecordEngagement',
        data: {
          engagementType: type,
          providerEventId: `engagement-api:${sequenceId}:${type}`,
          step: null,
          occurredAt: ctx.now,
          minScoreToQualify: ctx.params.min_score_to_qualify,
          stopOnReply: ctx.params.stop_on_reply,
          now: ctx.now,
        },
      });
      const result = await decideMany(deps.store, batch, command, { runId: ctx.runId, source: 'engagement_api' });
      rec.count(`new_${type}`, result.decided.length);
      rec.count('qualified', result.decided.filter((d) => d.events.some((e) => e.type === 'LeadQualified')).length);
    }
  }
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
