// One instance at a time publishes a report: a PostgreSQL session advisory lock per report id on a
// server database (another instance holding it → skip), an in-process set on the embedded one
// (one process owns its data directory; PGlite's advisory locks exclude nothing).
import type pg from 'pg';

export interface ReportLock {
  /** Runs `work` holding the lock of `id`; null without running it when another holds it. */
  tryWith<T>(id: string, work: () => Promise<T>): Promise<T | null>;
}

export const REPORT_LOCK = Symbol('ReportLock');

const REPORT_LOCKS = 0x4e57; // "NW" + hashtext(report id)

export class PgReportLock implements ReportLock {
  constructor(private readonly pool: pg.Pool) {}

  async tryWith<T>(id: string, work: () => Promise<T>): Promise<T | null> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS got', [REPORT_LOCKS, id]);
      if (!rows[0]!.got) return null;
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [REPORT_LOCKS, id]);
      }
    } finally {
      client.release();
    }
  }
}

export class LocalReportLock implements ReportLock {
  private readonly held = new Set<string>();

  async tryWith<T>(id: string, work: () => Promise<T>): Promise<T | null> {
    if (this.held.has(id)) return null;
    this.held.add(id);
    try {
      return await work();
    } finally {
      this.held.delete(id);
    }
  }
}
