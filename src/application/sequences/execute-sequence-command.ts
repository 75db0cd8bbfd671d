// The one way commands reach a sequence: load its stream, decide, append with the revision
// that was read. A concurrent writer makes the append fail; the command is then decided again
// on the fresh state — unless the caller pinned `expectedRevision`, which then surfaces as a conflict.
import { ConcurrencyError, type EventStore } from '../ports/event-store.js';
import type { SequenceCommand } from '../../domain/sequence/commands.js';
import { decide } from '../../domain/sequence/decide.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { type SequenceEvent, sequenceStreamId } from '../../domain/sequence/events.js';
import { loadSequence } from './load-sequence.js';

export interface CommandOptions {
  /** The revision the caller last saw; a different current revision is a conflict (HTTP 409). */
  expectedRevision?: bigint;
  /** Stored with every event: who/what caused it (auditing). */
  metadata?: Record<string, unknown>;
  maxAttempts?: number;
}

export interface SequenceCommandResult {
  sequenceId: number;
  /** The stream's revision after the command (unchanged when it decided nothing). */
  revision: bigint;
  events: SequenceEvent[];
}

export async function executeSequenceCommand(
  store: EventStore,
  sequenceId: number,
  command: SequenceCommand,
  options: CommandOptions = {},
): Promise<SequenceCommandResult> {
  const maxAttempts = options.maxAttempts ?? 20;
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await loadSequence(store, sequenceId);
    if (revision < 0n && command.type !== 'StartSequence') throw new NotFoundError(`sequence ${sequenceId} does not exist`);
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
      throw new ConcurrencyError(sequenceStreamId(sequenceId), options.expectedRevision, revision);
    }
    const events = decide(command, state);
    if (events.length === 0) return { sequenceId, revision, events };
    try {
      const metadata = { command: command.type, ...options.metadata };
      const result = await store.appendToStream(
        sequenceStreamId(sequenceId),
        revision < 0n ? 'no_stream' : revision,
        events.map((e) => ({ ...e, metadata })),
      );
      return { sequenceId, revision: result.nextRevision, events };
    } catch (error) {
      const retry = error instanceof ConcurrencyError && options.expectedRevision === undefined && attempt < maxAttempts;
      if (!retry) throw error;
      // Jittered backoff so that contenders for a hot stream stop colliding in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));
    }
  }
}
