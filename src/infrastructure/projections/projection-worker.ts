// Entry of the projection worker thread: catches the nurturing read model up on its own
// connections when the main thread asks, so the main thread's CPU stays with the pipeline.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { NurturingReadModelProjection } from '../../projections/nurturing-read-model/nurturing-read-model.projection.js';
import { Projector } from '../../projections/projector.js';
import '../database/database.js'; // the same type parsers as the main thread
import { postgresLogReader } from '../event-store/postgres/postgres-event-store.js';
import type { ProjectionRequest, ProjectionResponse } from './projection-worker-messages.js';

const { connection } = workerData as { connection: pg.ClientConfig };
// Connections close when idle, so an idle worker holds none.
const pool = new pg.Pool({ ...connection, max: 2, idleTimeoutMillis: 1_000 });
pool.on('error', () => undefined);
const projector = new Projector(pool, new NurturingReadModelProjection(), postgresLogReader);
const port = parentPort!;

port.on('message', (request: ProjectionRequest) => {
  if (request.type === 'close') {
    void pool.end().finally(() => port.close());
    return;
  }
  projector.catchUp(undefined, { timeoutMs: request.timeoutMs }).then(
    (applied) => port.postMessage({ id: request.id, applied } satisfies ProjectionResponse),
    (error: unknown) => port.postMessage({ id: request.id, error: (error as Error).message } satisfies ProjectionResponse),
  );
});
