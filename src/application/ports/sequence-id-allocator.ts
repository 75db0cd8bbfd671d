/** Allocates the integer ids of new sequences (a PostgreSQL sequence in production). */
export interface SequenceIdAllocator {
  nextSequenceId(): Promise<number>;
  /** `count` new ids in one round trip. */
  nextSequenceIds(count: number): Promise<number[]>;
  /** The id the next allocation would give, allocating nothing (a dry run's provisional ids). */
  peekNextSequenceId(): Promise<number>;
}

export const SEQUENCE_ID_ALLOCATOR = Symbol('SequenceIdAllocator');
