// Run coordination for the embedded database: one process owns the data directory, so the
// runs of this process are all there is. (PGlite's advisory locks exclude nothing.)
import type { RunCoordination } from '../../application/ports/run-coordination.js';

export class LocalRunCoordination implements RunCoordination {
  private running: string | null = null;
  private readonly alive = new Set<string>();

  async tryStartRun(runId: string): Promise<boolean> {
    if (this.running !== null) return false;
    this.running = runId;
    this.alive.add(runId);
    return true;
  }

  async registerSender(runId: string): Promise<void> {
    this.alive.add(runId);
  }

  async isAlive(runId: string): Promise<boolean> {
    return this.alive.has(runId);
  }

  async finishRun(runId: string): Promise<void> {
    if (this.running === runId) this.running = null;
    this.alive.delete(runId);
  }
}
