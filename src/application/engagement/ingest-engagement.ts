// Turns reported engagement into sequence events: match each report to its sequence, decide
// every report of a sequence in order on its state (one read for all the streams), append the
// whole batch at once; a sequence that moved meanwhile is decided again on its own. Reports that
// match nothing are kept aside and acknowledged, so providers stop retrying them.
import type { SequenceCommand } from '../../domain/sequence/commands.js';
import { decide } from '../../domain/sequence/decide.js';
import { type SequenceEvent, sequenceStreamId } from '../../domain/sequence/events.js';
import { type SequenceState, evolve } from '../../domain/sequence/state.js';
import { InvalidStateError, ValidationError } from '../../domain/shared/errors.js';
import type { EngagementMatcher, UnmatchedEventLog } from '../ports/engagement-matcher.js';
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
}

export interface IngestOptions {
  minScoreToQualify: number;
  now: string;
  /** Stored with every event: the delivery, its source. */
  metadata?: Record<string, unknown>;
}

export interface IngestResult {
  recorded: number;
  duplicates: number;
  unmatched: number;
  /** Reports a sequence refused (e.g. a bad step number), with the reason. */
  refused: { providerEventId: string; reason: string }[];
}

export async function ingestEngagement(reports: readonly EngagementReport[], deps: IngestDeps, options: IngestOptions): Promise<IngestResult> {
  const result: IngestResult = { recorded: 0, duplicates: 0, unmatched: 0, refused: [] };
  const matches = await deps.matcher.match(reports);
  const bySequence = new Map<number, EngagementReport[]>();
  const unmatched: { report: EngagementReport; reason: string }[] = [];
  matches.forEach((m, i) => {
    const report = reports[i]!;
    if ('unmatched' in m) unmatched.push({ report, reason: m.unmatched });
    else bySequence.set(m.sequenceId, [...(bySequence.get(m.sequenceId) ?? []), { ...report, step: report.step ?? m.step }]);
  });

  const ids = [...bySequence.keys()];
  const loaded = deps.states ? await deps.states.load(ids) : await loadSequences(deps.store, ids);
  const planned: { sequenceId: number; tally: Tally; state: SequenceState; streamId: string; expectedRevision: bigint; events: ReturnType<typeof withMetadata> }[] = [];
  for (const [sequenceId, sequenceReports] of bySequence) {
    const { state: start, revision } = loaded.get(sequenceId)!;
    if (revision < 0n) {
      for (const report of sequenceReports) unmatched.push({ report, reason: `no sequence ${sequenceId}` });
      continue;
    }
    let state = start;
    const tally = emptyTally();
    const events: SequenceEvent[] = [];
    for (const report of sequenceReports) {
      const decided = tryDecide(report, (command) => decide(command, state), options, tally);
      events.push(...decided);
      state = decided.reduce(evolve, state);
    }
    planned.push({ sequenceId, tally, state, streamId: sequenceStreamId(sequenceId), expectedRevision: revision, events: withMetadata(events, options) });
  }
  const { appended, conflicted } = await appendWhereCurrent(deps.store, planned);
  if (deps.states) {
    const revisionOf = new Map(appended.map((a) => [a.streamId, a.nextRevision]));
    for (const plan of planned) {
      const revision = revisionOf.get(plan.streamId);
      if (revision !== undefined) deps.states.remember(plan.sequenceId, plan.state, revision);
    }
  }

  for (const plan of planned) {
    let tally = plan.tally;
    if (conflicted.includes(plan.streamId)) {
      // Written meanwhile: record its reports one by one, each on the fresh state.
      tally = emptyTally();
      for (const report of bySequence.get(plan.sequenceId)!) {
        const command = commandOf(report, options);
        try {
          const r = await executeSequenceCommand(deps.store, plan.sequenceId, command, { metadata: options.metadata });
          tally[r.events.length === 0 ? 'duplicates' : 'recorded'] += 1;
        } catch (error) {
          if (!isRefusal(error)) throw error;
          tally.refused.push({ providerEventId: report.providerEventId, reason: error.message });
        }
      }
    }
    result.recorded += tally.recorded;
    result.duplicates += tally.duplicates;
    result.refused.push(...tally.refused);
  }

  if (unmatched.length > 0) await deps.unmatched.record(unmatched);
  result.unmatched = unmatched.length;
  return result;
}

interface Tally {
  recorded: number;
  duplicates: number;
  refused: { providerEventId: string; reason: string }[];
}

const emptyTally = (): Tally => ({ recorded: 0, duplicates: 0, refused: [] });

const isRefusal = (error: unknown): error is Error => error instanceof InvalidStateError || error instanceof ValidationError;

function tryDecide(report: EngagementReport, decideOn: (command: SequenceCommand) => SequenceEvent[], options: IngestOptions, tally: Tally): SequenceEvent[] {
  try {
    const decided = decideOn(commandOf(report, options));
    tally[decided.length === 0 ? 'duplicates' : 'recorded'] += 1;
    return decided;
  } catch (error) {
    if (!isRefusal(error)) throw error;
    tally.refused.push({ providerEventId: report.providerEventId, reason: error.message });
    return [];
  }
}

const withMetadata = (events: SequenceEvent[], options: IngestOptions) =>
  events.map((e) => ({ ...e, metadata: { command: 'RecordEngagement', ...options.metadata } }));

function commandOf(report: EngagementReport, options: IngestOptions): SequenceCommand {
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
      minScoreToQualify: options.minScoreToQualify,
      now: options.now,
    },
  };
}
