// Renders a lead's history for people: one line per event, oldest first.
import type { LeadHistory, LeadHistoryEntry } from '../../application/leads/get-lead-history/get-lead-history.query.js';

export function formatLeadHistory(history: LeadHistory): string {
  if (history.events.length === 0) return `lead ${history.leadExtId}: no events`;
  const header = `lead ${history.leadExtId}: ${history.events.length} events in ${history.sequenceIds.length} sequence(s) (${history.sequenceIds.map((id) => `#${id}`).join(', ')})`;
  return [header, ...history.events.map(formatEntry)].join('\n');
}

function formatEntry(e: LeadHistoryEntry): string {
  const when = e.occurredAt ?? e.recordedAt;
  const cause = typeof e.metadata.command === 'string' ? `  ← ${e.metadata.command}` : '';
  return `${when}  #${e.sequenceId} r${e.revision}  ${e.type.padEnd(17)} ${describe(e)}${cause}`;
}

function describe({ type, data: d }: LeadHistoryEntry): string {
  switch (type) {
    case 'SequenceStarted':
      return `template ${String(d.templateName)}, ${(d.steps as unknown[]).length} steps, base score ${d.baseScore ?? 'none'}, first send ${String(d.firstSendAt)}`;
    case 'EmailSendReserved':
      return `step ${String(d.step)} reserved by run ${String(d.runId)}${d.takenOverFrom ? ` (taken over from ${String(d.takenOverFrom)})` : ''}`;
    case 'EmailSent':
      return `step ${String(d.step)}${d.dryRun ? ' (dry run)' : ''} "${String(d.subject)}", next ${d.nextSendAt ?? 'none (last step)'}`;
    case 'EmailSendFailed':
      return (
        `step ${String(d.step)} after ${String(d.attempts)} attempt(s): ${String(d.error)}` +
        `${d.permanent ? ' (permanent)' : ''}${d.nextAttemptAt ? `, next attempt ${String(d.nextAttemptAt)}` : ''}`
      );
    case 'EmailClicked':
      return `step ${d.step ?? '?'}${d.url ? ` ${String(d.url)}` : ''}`;
    case 'EmailOpened':
      return `step ${d.step ?? '?'}${d.machineOpen ? ' (machine open, not scored)' : ''}`;
    case 'EmailBounced':
      return `step ${d.step ?? '?'} (${String(d.bounceKind)})`;
    case 'EmailDelivered':
    case 'EmailReplied':
    case 'LeadUnsubscribed':
    case 'SpamComplained':
      return `step ${d.step ?? '?'}`;
    case 'LeadQualified':
      return `score ${String(d.score)} (engagement ${String(d.engagementScore)}): ${String(d.reason)}`;
    case 'SequencePaused':
    case 'SequenceStopped':
      return `reason ${String(d.reason)}`;
    case 'SequenceResumed':
      return `next send ${d.nextSendAt ?? 'none'}`;
    default:
      return '';
  }
}
