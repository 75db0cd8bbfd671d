import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { GroupCommit } from './group-commit.js';

/** A write the test finishes by hand, so "one write at a time" can be observed. */
function manualWrites() {
  const writes: string[][] = [];
  const pending: (() => void)[] = [];
  const write = (items: string[]) => {
    writes.push(items);
    return new Promise<void>((resolve) => pending.push(resolve));
  };
  return { writes, write, finishNext: () => pending.shift()!() };
}

describe('GroupCommit', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('writes an item once the oldest unwritten one has waited maxDelayMs, not before', async () => {
    const writes: string[][] = [];
    const commit = new GroupCommit<string>(async (items) => void writes.push(items), { maxDelayMs: 250, maxSize: 100 }, () => undefined);
    commit.add('a');
    await jest.advanceTimersByTimeAsync(100);
    commit.add('b');
    await jest.advanceTimersByTimeAsync(149);
    expect(writes).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([['a', 'b']]); // b went with the oldest, 150 ms early
    commit.add('c');
    await jest.advanceTimersByTimeAsync(250);
    expect(writes).toEqual([['a', 'b'], ['c']]);
  });

  it('writes at once when maxSize items wait', async () => {
    const writes: string[][] = [];
    const commit = new GroupCommit<string>(async (items) => void writes.push(items), { maxDelayMs: 10_000, maxSize: 2 }, () => undefined);
    commit.add('a');
    commit.add('b');
    await jest.advanceTimersByTimeAsync(0);
    expect(writes).toEqual([['a', 'b']]);
  });

  it('runs one write at a time, in order; what arrives meanwhile goes into the next write when it is due', async () => {
    const w = manualWrites();
    const commit = new GroupCommit<string>(w.write, { maxDelayMs: 250, maxSize: 2 }, () => undefined);
    commit.add('a');
    commit.add('b');
    await jest.advanceTimersByTimeAsync(0);
    commit.add('c');
    commit.add('d');
    commit.add('e');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(w.writes).toEqual([['a', 'b']]); // still writing a, b
    w.finishNext();
    await jest.advanceTimersByTimeAsync(0);
    expect(w.writes).toEqual([['a', 'b'], ['c', 'd', 'e']]);
    w.finishNext();
    commit.add('f');
    await jest.advanceTimersByTimeAsync(0);
    expect(w.writes).toHaveLength(2); // f is neither old enough nor one of maxSize
  });

  it('close() writes what is left at once and resolves when every write has ended', async () => {
    const w = manualWrites();
    const commit = new GroupCommit<string>(w.write, { maxDelayMs: 10_000, maxSize: 100 }, () => undefined);
    commit.add('a');
    let closed = false;
    const closing = commit.close().then(() => (closed = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(w.writes).toEqual([['a']]);
    expect(closed).toBe(false);
    w.finishNext();
    await closing;
    expect(closed).toBe(true);
  });

  it('hands a failed write to onError and goes on writing the next items', async () => {
    const errors: unknown[] = [];
    const writes: string[][] = [];
    const commit = new GroupCommit<string>(
      async (items) => {
        writes.push(items);
        if (items.includes('bad')) throw new Error('append failed');
      },
      { maxDelayMs: 250, maxSize: 1 },
      (error) => errors.push(error),
    );
    commit.add('bad');
    await jest.advanceTimersByTimeAsync(0);
    commit.add('good');
    await commit.close();
    expect(writes).toEqual([['bad'], ['good']]);
    expect(errors).toEqual([new Error('append failed')]);
  });
});
