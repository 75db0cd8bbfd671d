// A dry run's event store: reads the real streams, keeps what the run appends in memory. Every
// step decides exactly as in a real run (on the real states plus its own would-be events), and
// nothing reaches the log: a dry run changes no sequence and no enrollment.
import {
  type AppendResult,
  type AppendToStream,
  ConcurrencyError,
  type EventStore,
  type ExpectedRevision,
  type LogCheckpoint,
  type NewEvent,
  type ReadStreamResult,
  type StoredEvent,
} from '../../ports/event-store.js';

export class OverlayEventStore implements EventStore {
  /** Events appended by the dry run, per stream, in order. */
  private readonly appended = new Map<string, StoredEvent[]>();
  private counter = 0;

  constructor(private readonly base: EventStore) {}

  /** Every event the dry run would have appended, stream by stream. */
  appendedEvents(): ReadonlyMap<string, readonly StoredEvent[]> {
    return this.appended;
  }

  async appendToStream(streamId: string, expectedRevision: ExpectedRevision, events: NewEvent[]): Promise<AppendResult> {
    return (await this.appendToStreams([{ streamId, expectedRevision, events }]))[0]!;
  }

  /** All or none, as the real store: every expected revision is checked before anything is kept. */
  async appendToStreams(appends: AppendToStream[]): Promise<AppendResult[]> {
    const current = await this.readStreams(appends.map((a) => a.streamId));
    for (const a of appends) {
      const revision = current.get(a.streamId)!.revision;
      const ok = a.expectedRevision === 'any' || (a.expectedRevision === 'no_stream' ? revision < 0n : a.expectedRevision === revision);
      if (!ok) throw new ConcurrencyError(a.streamId, a.expectedRevision, revision);
    }
    return appends.map((a) => {
      let revision = current.get(a.streamId)!.revision;
      const kept = this.appended.get(a.streamId) ?? [];
      for (const e of a.events) {
        revision += 1n;
        this.counter += 1;
        kept.push({
          streamId: a.streamId,
          streamPosition: revision,
          // Never in the log: no global position, no transaction.
          globalPosition: 0n,
          transactionId: 0n,
          eventId: e.eventId ?? `dry-run-${this.counter}`,
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data,
          metadata: { ...e.metadata, dryRun: true },
          recordedAt: new Date(),
        });
      }
      this.appended.set(a.streamId, kept);
      return { streamId: a.streamId, nextRevision: revision };
    });
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    return (await this.readStreams([streamId])).get(streamId)!;
  }

  async readStreams(streamIds: string[]): Promise<Map<string, ReadStreamResult>> {
    const real = await this.base.readStreams(streamIds);
    const out = new Map<string, ReadStreamResult>();
    for (const id of streamIds) {
      const stream = real.get(id) ?? { revision: -1n, events: [] };
      const mine = this.appended.get(id) ?? [];
      out.set(id, mine.length === 0 ? stream : { revision: mine[mine.length - 1]!.streamPosition, events: [...stream.events, ...mine] });
    }
    return out;
  }

  async readStreamsAfter(after: Map<string, bigint>): Promise<Map<string, StoredEvent[]>> {
    const real = await this.base.readStreamsAfter(after);
    const out = new Map<string, StoredEvent[]>();
    for (const [id, revision] of after) {
      const mine = (this.appended.get(id) ?? []).filter((e) => e.streamPosition > revision);
      out.set(id, [...(real.get(id) ?? []), ...mine]);
    }
    return out;
  }

  readAll(after: LogCheckpoint, limit: number): Promise<StoredEvent[]> {
    return this.base.readAll(after, limit);
  }

  readHead(): Promise<bigint> {
    return this.base.readHead();
  }

  hasUnread(after: LogCheckpoint, upTo: bigint): Promise<boolean> {
    return this.base.hasUnread(after, upTo);
  }
}
