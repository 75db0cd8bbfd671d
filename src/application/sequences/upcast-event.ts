// Turns a stored event of any schema version into the current shape of `SequenceEvent`.
// Version 1 is current; a later shape adds its upcaster here, keyed by type and version.
import type { StoredEvent } from '../ports/event-store.js';
import { CURRENT_SCHEMA_VERSION, SEQUENCE_EVENT_TYPES, type SequenceEvent } from '../../domain/sequence/events.js';

type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

const UPCASTERS: Record<string, Record<number, Upcaster>> = {};

export function isSequenceEventType(type: string): type is SequenceEvent['type'] {
  return (SEQUENCE_EVENT_TYPES as readonly string[]).includes(type);
}

export function upcastEvent(stored: Pick<StoredEvent, 'type' | 'schemaVersion' | 'data'>): SequenceEvent | null {
  if (!isSequenceEventType(stored.type)) return null;
  let data = stored.data as Record<string, unknown>;
  for (let v = stored.schemaVersion; v < CURRENT_SCHEMA_VERSION; v++) {
    const up = UPCASTERS[stored.type]?.[v];
    if (!up) throw new Error(`no upcaster for ${stored.type} v${v}`);
    data = up(data);
  }
  return { type: stored.type, schemaVersion: CURRENT_SCHEMA_VERSION, data } as SequenceEvent;
}
