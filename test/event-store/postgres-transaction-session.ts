// A `TransactionSession` for the PostgreSQL adapter: a dedicated pool client in an open transaction.
import type pg from 'pg';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres/postgres-event-store.js';
import type { TransactionSession } from './event-store.contract.js';

export async function beginPostgresTransaction(pool: pg.Pool): Promise<TransactionSession> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
  } catch (error) {
    client.release(true);
    throw error;
  }
  let ended = false;
  const end = async (statement: 'COMMIT' | 'ROLLBACK') => {
    if (ended) return;
    ended = true;
    try {
      await client.query(statement);
      client.release();
    } catch (error) {
      client.release(true);
      throw error;
    }
  };
  return {
    store: new PostgresEventStore(client),
    takeTransactionId: async () => {
      await client.query('SELECT pg_current_xact_id()');
    },
    commit: () => end('COMMIT'),
    rollback: () => end('ROLLBACK'),
  };
}
