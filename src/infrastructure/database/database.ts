// One connection pool to PostgreSQL: a server (`DATABASE_URL`) or the embedded PGlite.
// Embedded mode serves PGlite over a loopback socket so that `pg` (and TypeORM) talk to it
// exactly as to a server. pglite-socket runs every connection through ONE session, so the
// pool holds a single connection there and advisory locks exclude nothing: one instance only.
import pg from 'pg';

// int8 and xid8 arrive as strings by default; the event store parses them as bigint itself.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type DatabaseMode = 'server' | 'embedded';

export interface Database {
  readonly mode: DatabaseMode;
  readonly pool: pg.Pool;
  /** Connection options for another client of the same database (TypeORM, child processes). */
  readonly connection: pg.ClientConfig;
  close(): Promise<void>;
}

export interface ServerDatabaseOptions {
  url: string;
  poolSize?: number;
  /** Bounds a stuck writer so it cannot stall every log reader (see the event store). */
  idleInTransactionTimeoutMs?: number;
  applicationName?: string;
}

export async function openServerDatabase(options: ServerDatabaseOptions): Promise<Database> {
  // Settings in the URL's own `options` override the pool's, so ours are appended to them there.
  const url = new URL(options.url);
  const timeout = `-c idle_in_transaction_session_timeout=${options.idleInTransactionTimeoutMs ?? 60_000}`;
  url.searchParams.set('options', [url.searchParams.get('options'), timeout].filter(Boolean).join(' '));
  const connection: pg.ClientConfig = {
    connectionString: url.toString(),
    application_name: options.applicationName ?? 'lead-nurturing',
  };
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  pool.on('error', () => undefined); // an idle client dropped by the server is replaced on next use
  await pool.query('SELECT 1');
  return { mode: 'server', pool, connection, close: () => pool.end() };
}

export { withTransaction } from '../../application/ports/sql-session.js';
