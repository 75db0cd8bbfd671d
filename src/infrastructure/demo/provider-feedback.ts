// What a real provider reports back through its webhooks after accepting an email: delivered, or
// a hard bounce for a dead address. The demo records these facts as the engagement webhooks do
// (RecordEngagement, one provider event id per email and kind, so a repeat changes nothing).
import type { SequenceCommand } from '../../domain/sequence/commands.js';
import type { EventStore } from '../../application/ports/event-store.js';
import { decideMany } from '../../application/pipeline/decide-many.js';
import { isoOf } from '../../domain/shared/time.js';
import type { ReceivedEmail } from './email-sink.js';

export interface ProviderReport {
  email: ReceivedEmail;
  bounced: boolean;
}

/** Records the reports; returns how many were new facts. */
export async function recordProviderReports(store: EventStore, reports: readonly ProviderReport[], minScoreToQualify: number, now: string): Promise<number> {
  let recorded = 0;
  let pending = [...reports];
  while (pending.length > 0) {
    // One report per sequence per round: each round is one read and one append for all of them.
    const round = new Map<number, ProviderReport>();
    const later: ProviderReport[] = [];
    for (const report of pending) {
      if (round.has(report.email.sequenceId)) later.push(report);
      else round.set(report.email.sequenceId, report);
    }
    pending = later;
    const command = (_: unknown, sequenceId: number): SequenceCommand => {
      const { email, bounced } = round.get(sequenceId)!;
      const kind = bounced ? 'bounced' : 'delivered';
      return {
        type: 'RecordEngagement',
        data: {
          engagementType: kind,
          providerEventId: `demo-sink:${email.key}:${kind}`,
          step: email.step,
          occurredAt: isoOf(email.receivedAt),
          ...(bounced ? { bounceKind: 'hard' as const } : {}),
          minScoreToQualify,
          now,
        },
      };
    };
    const result = await decideMany(store, [...round.keys()], command, { source: 'demo_email_sink' });
    recorded += result.decided.length;
  }
  return recorded;
}
