// Run coordination on a PostgreSQL server with session advisory locks: the run lock lets one
// run at a time through; each run (sender) also holds a lock on its own id for as long as it
// lives, so another run can tell a reservation left by a dead process (its session — and lock —
// gone) from one still in flight.
import type pg from 'pg';
import type { RunCoordination } from '../../application/ports/run-coordination.js';

const RUN_LOCK = [0x4e55, 1] as const; // "NU", the run lock
const SENDER_LOCKS = 0x4e56; // "NV" + hashtext(run id)

export class PgRunCoordination implements RunCoordination {
  private readonly sessions = new Map<string, pg.PoolClient>();

  constructor(private readonly pool: pg.Pool) {}

  async tryStartRun(runId: string): Promise<boolean> {
    const client = await this.pool.connect();
    const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1::int, $2::int) AS got', [...RUN_LOCK]);
    if (!rows[0]!.got) {
      client.release();
      return false;
    }
    await client.query('SELECT pg_advisory_lock($1::int, hashtext($2))', [SENDER_LOCKS, runId]);
    this.sessions.set(runId, client);
    return true;
  }

  async registerSender(runId: string): Promise<void> {
    const client = await this.pool.connect();
    await client.query('SELECT pg_advisory_lock($1::int, hashtext($2))', [SENDER_LOCKS, runId]);
    this.sessions.set(runId, client);
  }

  async isAlive(runId: string): Promise<boolean> {
    if (this.sessions.has(runId)) return true;
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS got', [SENDER_LOCKS, runId]);
      if (!rows[0]!.got) return true;
      await client.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [SENDER_LOCKS, runId]);
      return false;
    } finally {
      client.release();
    }
  }

  async finishRun(runId: string): Promise<void> {
    const client = this.sessions.get(runId);
    if (!client) return;
    this.sessions.delete(runId);
    try {
      await client.query('SELECT pg_advisory_unlock_all()');
    } finally {
      client.release();
    }
  }
}
