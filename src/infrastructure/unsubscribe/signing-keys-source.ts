// What is signed with the service's link-signing keys (report links, dashboard sessions), built on
// first use: a generated key lives in the database, so it is loaded then, and kept; a failed load
// is tried again on the next use.
import type { Database } from '../database/database.js';
import { loadSigningKeys } from './load-unsubscribe-tokens.js';

export function onSigningKeys<T>(db: Database, make: (keys: Buffer[]) => T): () => Promise<T> {
  let made: Promise<T> | undefined;
  const load = (): Promise<T> =>
    loadSigningKeys(db.pool)
      .then(make)
      .catch((error: unknown) => {
        made = undefined;
        throw error;
      });
  return () => (made ??= load());
}
