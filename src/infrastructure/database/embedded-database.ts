// The zero-setup database: PGlite (PostgreSQL compiled to WASM) on disk, or in memory for tests.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import type { Database } from './database.js';

export interface EmbeddedDatabaseOptions {
  /** Directory of the data files; omitted = in memory (tests). */
  dataDir?: string;
}

export async function openEmbeddedDatabase(options: EmbeddedDatabaseOptions = {}): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  // The socket server multiplexes connections onto PGlite's single session; the app keeps one
  // (its pool), migrations briefly open a second.
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  const [host, port] = splitHostPort(server.getServerConn());
  const connection: pg.ClientConfig = { host, port, user: 'postgres', database: 'postgres' };
  // One connection: PGlite has one session, so a second connection would share its transaction.
  const pool = new pg.Pool({ ...connection, max: 1 });
  pool.on('error', () => undefined);
  return {
    mode: 'embedded',
    pool,
    connection,
    async close() {
      await pool.end();
      await server.stop();
      await pglite.close();
    },
  };
}

function splitHostPort(conn: string): [string, number] {
  const at = conn.lastIndexOf(':');
  return [conn.slice(0, at), Number(conn.slice(at + 1))];
}
