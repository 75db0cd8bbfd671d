// The HTTP application on a random local port, over a test database.
import type { INestApplication } from '@nestjs/common';
import type { Database } from '../../src/infrastructure/database/database.js';
import { createApp } from '../../src/infrastructure/serve/create-app.js';

export interface TestApp {
  app: INestApplication;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/** Environment variables the app reads (API keys, webhook secrets) must be set before this. */
export async function startTestApp(db: Database): Promise<TestApp> {
  const app = await createApp(db, { schedule: null }, false);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
