// Small helpers shared by the cases.

/** Runs `fn` over items with at most `limit` in flight. */
export async function forEachConcurrent(items, limit, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function chunk(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Wall time of `work` in seconds. */
export async function timed(work) {
  const t0 = process.hrtime.bigint();
  const result = await work();
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, result };
}

/** Progress on stderr (never on stdout, which carries the table or the JSON). */
export const log = (message) => process.stderr.write(`[bench] ${message}\n`);

/** One correctness check: what the case expected, what the tables or the sink hold. */
export function check(name, expected, actual) {
  const ok = JSON.stringify(expected) === JSON.stringify(actual);
  return { name, expected, actual, ok };
}

export async function count(pool, sql, values = []) {
  const { rows } = await pool.query(sql, values);
  return Number(rows[0].n);
}

/** CHECKPOINT before a timed phase (so one phase's dirty pages are not flushed during the next);
 * skipped when the role may not (it needs superuser or pg_checkpoint). */
export async function checkpoint(pool) {
  await pool.query('CHECKPOINT').catch((error) => {
    if (error.code !== '42501') throw error;
  });
}
