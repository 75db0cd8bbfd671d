// Projection checkpoints: the (transaction id, global position) pair of the last event applied.
import type { SqlClient, SqlPool } from '../application/ports/sql-session.js';
import type { LogCheckpoint } from '../application/ports/event-store.js';

/** Reads a checkpoint and locks it until the transaction ends, so one projector runs at a time. */
export async function lockCheckpoint(client: SqlClient, name: string): Promise<LogCheckpoint> {
  await client.query(
    `INSERT INTO nurture_projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`,
    [name],
  );
  const { rows } = await client.query<{ transaction_id: string; global_position: string }>(
    `SELECT transaction_id::text, global_position::text
       FROM nurture_projection_checkpoints WHERE name = $1 FOR UPDATE`,
    [name],
  );
  return { transactionId: BigInt(rows[0]!.transaction_id), globalPosition: BigInt(rows[0]!.global_position) };
}

/** Reads a checkpoint without locking it (the start of the log when there is none). */
export async function readCheckpoint(db: SqlClient | SqlPool, name: string): Promise<LogCheckpoint> {
  const { rows } = await db.query<{ transaction_id: string; global_position: string }>(
    `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position
       FROM nurture_projection_checkpoints WHERE name = $1`,
    [name],
  );
  const row = rows[0];
  return row ? { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) } : { transactionId: 0n, globalPosition: 0n };
}

export async function saveCheckpoint(client: SqlClient, name: string, at: LogCheckpoint): Promise<void> {
  await client.query(
    `UPDATE nurture_projection_checkpoints
        SET transaction_id = $2::text::xid8, global_position = $3, updated_at = now()
      WHERE name = $1`,
    [name, at.transactionId.toString(), at.globalPosition.toString()],
  );
}

export async function deleteCheckpoint(client: SqlClient, name: string): Promise<void> {
  await client.query(`DELETE FROM nurture_projection_checkpoints WHERE name = $1`, [name]);
}
