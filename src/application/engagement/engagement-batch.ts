// Turns reported engagement into sequence events: match each report to its sequence, decide
// every report of a sequence in order on its state (one read for all the streams), append the
// whole batch at once; a sequence that moved meanwhile is decided again on its own. Reports that
// match nothing are kept aside and acknowledged, so providers stop retrying them.
// Several deliveries (webhook requests) are ingested together, each keeping its own metadata
// and getting its own result: one read, one append and one commit for all of them. Planning
// (match, read, decide) and committing (append) are separate stages, so a long-running ingestion
// can plan one batch while the previous one commits (see engagement-ingestion.ts).
import type { RecordEngagement } from '../../domain/sequence/commands.js';
import { recordEngagement } from '../../domain/sequence/decide-engagement.js';
import { boundedDetails } from '../../domain/sequence/engagement-details.js';
import { type SequenceEvent, sequenceStreamId } from '../../domain/sequence/events.js';
import type { SequenceState } from '../../domain/sequence/state.js';
import { InvalidStateError, ValidationError } from '../../domain/shared/errors.js';
import type { EngagementMatch, EngagementMatcher, UnmatchedEventLog } from '../ports/engagement-matcher.js';
import type { EventStore } from '../ports/event-store.js';
import { appendWhereCurrent } from '../pipeline/append-where-current.js';
import { loadSequences } from '../pipeline/load-sequences.js';
import { executeSequenceCommand } from '../sequences/execute-sequence-command.js';
import type { SequenceStateCache } from '../sequences/sequence-state-cache.js';
import type { EngagementReport } from './engagement-report.js';

export interface IngestDeps {
  store: EventStore;
  matcher: EngagementMatcher;
  unmatched: UnmatchedEventLog;
  /** Recent sequence states (a long-running service passes one); without it, streams are read whole. */
  states?: SequenceStateCache;
  /** Projects what the log holds: before a report is declared unmatched, the read side catches up
   * (the send or sequence it names may have been appended a moment ago). */
  catchUp?: () => Promise<unknown>;
}

export interface IngestOptions {
  minScoreToQualify: number;
  stopOnReply: boolean;
  now: string;
}

/** One delivery of reports (a webhook request) and the metadata stored with its events. */
export interface EngagementDelivery {
  reports: readonly EngagementReport[];
  metadata?: Record<string, unknown>;
}

export interface IngestResult {
  recorded: number;
  duplicates: number;
  unmatched: number;
  /** Reports a sequence refused (e.g. a bad step number), with the reason. */
  refused: { providerEventId: string; reason: string }[];
}

export type Outcome = 'recorded' | 'duplicate' | 'unmatched' | { refused: string };

export interface Item {
  report: EngagementReport;
  metadata: Record<string, unknown> | undefined;
}

/** What a batch of deliveries decided, before it is appended. */
export interface EngagementPlan {
  deliveries: readonly EngagementDelivery[];
  items: Item[];
  outcomes: Outcome[];
  /** Item indexes per matched sequence, in arrival order. */
  bySequence: Map<number, number[]>;
  unmatched: { index: number; reason: string }[];
  planned: { sequenceId: number; state: SequenceState; streamId: string; expectedRevision: bigint; events: SequenceEvent[] }[];
}

/** Matches and decides a batch. With a state cache, the decided states are remembered at once
 * (optimistically), so the next batch can be decided while this one is appended; a batch whose
 * append fails or conflicts takes its states back in `commitEngagement`. */
export async function planEngagement(
  deliveries: readonly EngagementDelivery[],
  deps: IngestDeps,
  options: IngestOptions,
): Promise<EngagementPlan> {
  const items: Item[] = deliveries.flatMap((d) => d.reports.map((report) => ({ report, metadata: d.metadata })));
  const outcomes: Outcome[] = new Array<Outcome>(items.length);
  const matches = await matchCaughtUp(items.map((i) => i.report), deps);
  const bySequence = new Map<number, number[]>();
  const unmatched: { index: number; reason: string }[] = [];
  matches.forEach((m, index) => {
    if ('unmatched' in m) return unmatched.push({ index, reason: m.unmatched });
    const item = items[index]!;
    items[index] = { ...item, report: { ...item.report, step: item.report.step ?? m.step } };
    const group = bySequence.get(m.sequenceId);
    if (group) group.push(index);
    else bySequence.set(m.sequenceId, [index]);
  });

  const ids = [...bySequence.keys()];
  const loaded = deps.states ? await deps.states.load(ids) : await loadSequences(deps.store, ids);
  const planned: EngagementPlan['planned'] = [];
  for (const [sequenceId, indexes] of bySequence) {
    const { state: start, revision } = loaded.get(sequenceId)!;
    if (revision < 0n) {
      for (const index of indexes) unmatched.push({ index, reason: `no sequence ${sequenceId}` });
      continue;
    }
    let state = start;
    const events: SequenceEvent[] = [];
    for (const index of indexes) {
      const decided = tryRecord(commandOf(items[index]!.report, options), state);
      outcomes[index] = decided.outcome;
      for (const event of decided.events) events.push(withMetadata(event, items[index]!.metadata));
      state = decided.state;
    }
    if (events.length > 0) deps.states?.remember(sequenceId, state, revision + BigInt(events.length));
    planned.push({ sequenceId, state, streamId: sequenceStreamId(sequenceId), expectedRevision: revision, events });
  }
  return { deliveries, items, outcomes, bySequence, unmatched, planned };
}

/** Matches the reports; those that match nothing are matched again once the read side has caught up. */
async function matchCaughtUp(reports: EngagementReport[], deps: IngestDeps): Promise<EngagementMatch[]> {
  const matches = await deps.matcher.match(reports);
  const missed = matches.flatMap((m, index) => ('unmatched' in m ? [index] : []));
  if (missed.length === 0 || !deps.catchUp) return matches;
  await deps.catchUp();
  const again = await deps.matcher.match(missed.map((i) => reports[i]!));
  missed.forEach((index, i) => (matches[index] = again[i]!));
  return matches;
}

export interface CommittedEngagement {
  results: IngestResult[];
  /** Sequences whose planned append did not go in as planned (decided again one by one): a
   * batch planned meanwhile on the states this one remembered must not append to them. */
  unsettled: Set<number>;
}

/** Appends a planned batch, keeps its unmatched reports, and tallies each delivery's outcome.
 * Streams written meanwhile, and the `stale` ones (planned on a state another batch failed to
 * write), are decided again one report at a time on their fresh state. */
export async function commitEngagement(
  plan: EngagementPlan,
  deps: IngestDeps,
  options: IngestOptions,
  stale: ReadonlySet<number> = new Set(),
): Promise<CommittedEngagement> {
  const { items, outcomes, bySequence, unmatched, planned } = plan;
  let conflicted: string[];
  try {
    ({ conflicted } = await appendWhereCurrent(deps.store, planned.filter((p) => !stale.has(p.sequenceId))));
  } catch (error) {
    for (const p of planned) deps.states?.forget(p.sequenceId);
    throw error;
  }

  const unsettled = new Set<number>();
  for (const p of planned) {
    if (!stale.has(p.sequenceId) && !conflicted.includes(p.streamId)) continue;
    unsettled.add(p.sequenceId);
    deps.states?.forget(p.sequenceId);
    for (const index of bySequence.get(p.sequenceId)!) {
      const { report, metadata } = items[index]!;
      try {
        const r = await executeSequenceCommand(deps.store, p.sequenceId, commandOf(report, options), { metadata });
        outcomes[index] = r.events.length === 0 ? 'duplicate' : 'recorded';
      } catch (error) {
        if (!isRefusal(error)) throw error;
        outcomes[index] = { refused: error.message };
      }
    }
  }

  if (unmatched.length > 0) {
    await deps.unmatched.record(
      unmatched.map(({ index, reason }) => ({ report: items[index]!.report, reason, metadata: items[index]!.metadata })),
      options.now,
    );
  }
  for (const { index } of unmatched) outcomes[index] = 'unmatched';
  return { results: tallyByDelivery(plan.deliveries, items, outcomes), unsettled };
}

function tallyByDelivery(deliveries: readonly EngagementDelivery[], items: Item[], outcomes: Outcome[]): IngestResult[] {
  let index = 0;
  return deliveries.map((delivery) => {
    const result: IngestResult = { recorded: 0, duplicates: 0, unmatched: 0, refused: [] };
    for (let n = 0; n < delivery.reports.length; n++, index++) {
      const outcome = outcomes[index]!;
      if (outcome === 'recorded') result.recorded += 1;
      else if (outcome === 'duplicate') result.duplicates += 1;
      else if (outcome === 'unmatched') result.unmatched += 1;
      else result.refused.push({ providerEventId: items[index]!.report.providerEventId, reason: outcome.refused });
    }
    return result;
  });
}

const isRefusal = (error: unknown): error is Error => error instanceof InvalidStateError || error instanceof ValidationError;

/** Decides one report on `state`, returning the state after it (a refusal changes nothing). */
function tryRecord(command: RecordEngagement, state: SequenceState): { outcome: Outcome; events: SequenceEvent[]; state: SequenceState } {
  try {
    const decided = recordEngagement(command, state);
    return { outcome: decided.events.length === 0 ? 'duplicate' : 'recorded', ...decided };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return { outcome: { refused: error.message }, events: [], state };
  }
}

const eventMetadata = (metadata: Record<string, unknown> | undefined) => ({ command: 'RecordEngagement', ...metadata });

const withMetadata = (event: SequenceEvent, metadata: Record<string, unknown> | undefined) => ({ ...event, metadata: eventMetadata(metadata) });

function commandOf(report: EngagementReport, options: IngestOptions): RecordEngagement {
  return {
    type: 'RecordEngagement',
    data: {
      engagementType: report.type,
      providerEventId: `${report.source}:${report.providerEventId}`,
      step: report.step ?? null,
      occurredAt: report.occurredAt,
      url: report.url ?? null,
      bounceKind: report.bounceKind,
      machineOpen: report.machineOpen ?? false,
      ...(report.metadata === undefined ? {} : { details: boundedDetails(report.metadata) }),
      minScoreToQualify: options.minScoreToQualify,
      stopOnReply: options.stopOnReply,
      now: options.now,
    },
  };
}
