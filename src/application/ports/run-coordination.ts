/** One run at a time across instances, and whether the run that reserved a send is alive. */
export interface RunCoordination {
  /** Takes the run lock for `runId`, or returns false when another run holds it. */
  tryStartRun(runId: string): Promise<boolean>;
  /** Marks `runId` alive (without the run lock): for senders working beside a run. */
  registerSender(runId: string): Promise<void>;
  isAlive(runId: string): Promise<boolean>;
  /** Releases the lock and the liveness of `runId`. */
  finishRun(runId: string): Promise<void>;
}
