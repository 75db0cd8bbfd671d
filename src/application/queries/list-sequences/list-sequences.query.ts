import { Query } from '@nestjs/cqrs';
import type { SequenceRow } from '../read-side/sequence-read-model.port.js';

export interface SequencePage {
  items: SequenceRow[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Sequences filtered by status, lead and template, a page at a time (keyset on id). */
export class ListSequencesQuery extends Query<SequencePage> {
  constructor(
    readonly filter: {
      status?: string;
      leadExtId?: string;
      template?: string;
      limit?: number;
      cursor?: string;
    },
  ) {
    super();
  }
}
