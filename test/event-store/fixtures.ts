// Test events whose `data.marker` identifies them across adapters (the port gives the writer no
// event ids back), and stream ids unique per test so cases sharing a database stay apart.
import { randomBytes } from 'node:crypto';
import type { NewEvent, StoredEvent } from '../../src/application/ports/event-store.js';

export interface MarkedData {
  marker: string;
  [key: string]: unknown;
}

export const uniquePrefix = (label: string): string => `${label}-${randomBytes(4).toString('hex')}`;

export function markedEvents(marker: string, count: number, type = 'TestEvent'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type,
    schemaVersion: 1,
    data: { marker: `${marker}#${i}`, index: i },
  }));
}

export const markerOf = (event: StoredEvent): string => (event.data as MarkedData).marker;

/** The markers of the events of streams starting with `prefix`, in log order. */
export const markersUnder = (events: StoredEvent[], prefix: string): string[] =>
  events.filter((e) => e.streamId.startsWith(prefix)).map(markerOf);

/** Values that appear more than once. */
export function duplicates<T>(values: T[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}
