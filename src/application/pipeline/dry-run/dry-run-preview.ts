// What a dry run would have done, read back from the events it kept in memory, with the emails
// it rendered. Returned in the run report (`--json`, POST /runs); not stored with it.
import { SEQUENCE_STREAM_PREFIX, type SequenceEvent, isEngagementEvent } from '../../../domain/sequence/events.js';
import type { OverlayEventStore } from './overlay-event-store.js';

export interface PreviewEmail {
  sequence_id: number;
  lead_ext_id: string;
  step: number;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface DryRunPreview {
  /** Sequence ids are provisional: the ids the next real starts would get. */
  would_start: { sequence_id: number; lead_ext_id: string; email: string; template: string }[];
  would_send: PreviewEmail[];
  would_qualify: { sequence_id: number; score: number; reason: string }[];
  would_pause: { sequence_id: number; reason: string }[];
  would_stop: { sequence_id: number; reason: string }[];
  /** Engagement facts the run would record (from the engagement API), by event type. */
  would_record: Record<string, number>;
}

export const emptyPreview = (): DryRunPreview => ({ would_start: [], would_send: [], would_qualify: [], would_pause: [], would_stop: [], would_record: {} });

export function previewOf(overlay: OverlayEventStore, emails: PreviewEmail[]): DryRunPreview {
  const preview = emptyPreview();
  preview.would_send = emails;
  for (const [streamId, events] of overlay.appendedEvents()) {
    if (!streamId.startsWith(SEQUENCE_STREAM_PREFIX)) continue;
    const sequenceId = Number(streamId.slice(SEQUENCE_STREAM_PREFIX.length));
    for (const stored of events) {
      const e = { type: stored.type, data: stored.data } as SequenceEvent;
      switch (e.type) {
        case 'SequenceStarted':
          preview.would_start.push({ sequence_id: sequenceId, lead_ext_id: e.data.leadExtId, email: e.data.email, template: e.data.templateName });
          break;
        case 'LeadQualified':
          preview.would_qualify.push({ sequence_id: sequenceId, score: e.data.score, reason: e.data.reason });
          break;
        case 'SequencePaused':
          preview.would_pause.push({ sequence_id: sequenceId, reason: e.data.reason });
          break;
        case 'SequenceStopped':
          preview.would_stop.push({ sequence_id: sequenceId, reason: e.data.reason });
          break;
        default:
          if (isEngagementEvent(e)) preview.would_record[e.type] = (preview.would_record[e.type] ?? 0) + 1;
          break;
      }
    }
  }
  return preview;
}
