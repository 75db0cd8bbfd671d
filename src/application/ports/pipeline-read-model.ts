// The read-side questions the pipeline asks (set-based SQL in infrastructure).

export interface PipelineReadModel {
  /** Projects everything appended so far, so the questions below see the run's own writes. */
  catchUp(): Promise<void>;
  /** Active sequences with a step due at `now`, oldest due first. */
  dueSequenceIds(now: string, limit: number): Promise<number[]>;
  /** Sequences worth polling for engagement: sent to since `since`, not stopped. */
  recentlySentSequences(since: string): Promise<{ sequenceId: number; email: string }[]>;
  /** Sequences that may have reached the threshold with a click or reply but are not qualified. */
  qualificationCandidates(minScore: number): Promise<number[]>;
  /** Active sequences with no engagement since `quietSince` (a pre-filter; the aggregate decides). */
  inactiveSequenceIds(quietSince: string): Promise<number[]>;
  refreshConversionMetrics(): Promise<void>;
}
