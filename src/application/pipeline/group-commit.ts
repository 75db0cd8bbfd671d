// Group commit bounded by time and size: items added one by one are written together, when the
// oldest unwritten item has waited `maxDelayMs` or `maxSize` items wait, whichever comes first.
// One write at a time, in arrival order; items that arrive during a write go into the next one
// (written as soon as the current one ends if they are already due). So an item is written
// within `maxDelayMs` plus the write in progress plus its own write.

export interface GroupCommitOptions {
  maxDelayMs: number;
  maxSize: number;
}

export class GroupCommit<T> {
  private pending: T[] = [];
  private oldestAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> | null = null;
  private closing = false;

  /** `write` failures go to `onError`; the items of a failed write are not retried. */
  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: GroupCommitOptions,
    private readonly onError: (error: unknown) => void,
  ) {}

  add(item: T): void {
    if (this.pending.length === 0) this.oldestAt = Date.now();
    this.pending.push(item);
    this.schedule();
  }

  /** Writes what is left and resolves once every write has ended. */
  async close(): Promise<void> {
    this.closing = true;
    this.schedule();
    while (this.writing) await this.writing;
  }

  private schedule(): void {
    if (this.writing || this.pending.length === 0) return; // the write in progress reschedules when it ends
    const wait = this.closing || this.pending.length >= this.options.maxSize ? 0 : this.oldestAt + this.options.maxDelayMs - Date.now();
    if (wait <= 0) return this.flush();
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.schedule();
    }, wait);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const items = this.pending;
    this.pending = [];
    this.writing = Promise.resolve()
      .then(() => this.write(items))
      .catch(this.onError)
      .finally(() => {
        this.writing = null;
        this.schedule();
      });
  }
}
