// The SQL connections the projections and the read side's writers work through: a pool of
// PostgreSQL connections (a server's, or the embedded database's) and one connection inside a
// transaction, as `pg` shapes them, and the one way a unit of work gets a transaction.
import type pg from 'pg';

/** A connection pool (its `query` takes any free connection). */
export type SqlPool = pg.Pool;
/** One connection: the pool's inside a transaction, or a single client. */
export type SqlClient = pg.ClientBase;

/** Runs `work` in a transaction on one connection of `pool`: committed if it returns, rolled
 * back if it throws. */
export async function withTransaction<T>(pool: SqlPool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
