// Read-your-writes for queries: projects what the log holds before a query reads the tables.
// Concurrent requests share passes: a request joins the pass that starts after it arrived.
import { Logger } from '@nestjs/common';
import type { ReadModelSync } from '../../application/queries/read-side/read-model-sync.port.js';
import type { Projector } from '../../projections/projector.js';

export class ProjectorReadModelSync implements ReadModelSync {
  private readonly logger = new Logger('ReadModelSync');
  private current: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(
    private readonly projector: Projector,
    private readonly timeoutMs = 5000,
  ) {}

  catchUp(): Promise<void> {
    if (this.current === null) return this.start();
    // A pass in progress may have read the log head before this request's writes: wait for the next.
    this.next ??= this.current.then(() => {
      this.next = null;
      return this.start();
    });
    return this.next;
  }

  private start(): Promise<void> {
    const pass = this.projector
      .catchUp(undefined, { timeoutMs: this.timeoutMs })
      .then(() => undefined)
      // A lagging projection still answers: the tables are right as of their checkpoint.
      .catch((error: Error) => this.logger.warn(`answering from a read model that is behind: ${error.message}`))
      .finally(() => {
        if (this.current === pass) this.current = null;
      });
    this.current = pass;
    return pass;
  }
}
