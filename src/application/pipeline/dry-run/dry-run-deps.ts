// The adapters of a dry run ("solo simular sin enviar"): the real ones for reading (leads,
// templates, the read side, the engagement API), and in their place for writing: an overlay
// event store that keeps appends in memory, provisional sequence ids that allocate nothing, a
// template store that creates nothing, and no email sender. What it would have done is read
// back from the overlay at the end (`previewOf`).
import { SEQUENCE_STREAM_PREFIX } from '../../../domain/sequence/events.js';
import { isDue } from '../../../domain/sequence/state.js';
import type { PipelineReadModel } from '../../ports/pipeline-read-model.js';
import type { SequenceIdAllocator } from '../../ports/sequence-id-allocator.js';
import { loadSequences } from '../load-sequences.js';
import type { PipelineDeps } from '../pipeline-deps.js';
import { OverlayEventStore } from './overlay-event-store.js';

export interface DryRunDeps {
  deps: PipelineDeps;
  overlay: OverlayEventStore;
}

export function dryRunDeps(real: PipelineDeps): DryRunDeps {
  const overlay = new OverlayEventStore(real.store);
  return {
    overlay,
    deps: {
      ...real,
      store: overlay,
      ids: provisionalIds(real.ids),
      templates: templatesCreatingNothing(real.templates),
      readModel: withOverlayDueSends(real.readModel, overlay),
      emailSender: () => {
        throw new Error('a dry run sends nothing');
      },
      objectStore: () => {
        throw new Error('a dry run uploads nothing');
      },
    },
  };
}

/** Ids from the next one the database would give, without taking any. */
function provisionalIds(real: SequenceIdAllocator): SequenceIdAllocator {
  let next: number | null = null;
  const take = async (count: number): Promise<number[]> => {
    next ??= await real.peekNextSequenceId();
    const ids = Array.from({ length: Math.max(0, count) }, (_, i) => next! + i);
    next += ids.length;
    return ids;
  };
  return {
    nextSequenceIds: take,
    nextSequenceId: async () => (await take(1))[0]!,
    peekNextSequenceId: async () => next ?? real.peekNextSequenceId(),
  };
}

/** A missing default template is used as it would be created, without inserting it. */
function templatesCreatingNothing(real: PipelineDeps['templates']): PipelineDeps['templates'] {
  return {
    list: () => real.list(),
    getOrCreate: async (template) => ({ ...template, id: null }),
  };
}

/** The read side knows only real sequences: the due sends of the ones this dry run would start
 * (or resume) are found in the overlay. Every other question goes to the real read side. */
function withOverlayDueSends(real: PipelineReadModel, overlay: OverlayEventStore): PipelineReadModel {
  const dueSequenceIds = async (now: string, limit: number): Promise<number[]> => {
    const ids = await real.dueSequenceIds(now, limit);
    const known = new Set(ids);
    const virtual = [...overlay.appendedEvents().keys()]
      .filter((id) => id.startsWith(SEQUENCE_STREAM_PREFIX))
      .map((id) => Number(id.slice(SEQUENCE_STREAM_PREFIX.length)))
      .filter((id) => !known.has(id));
    const states = await loadSequences(overlay, virtual);
    for (const [id, { state }] of states) if (isDue(state, now)) ids.push(id);
    return ids.slice(0, limit);
  };
  return new Proxy(real, {
    get(target, property) {
      if (property === 'dueSequenceIds') return dueSequenceIds;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
