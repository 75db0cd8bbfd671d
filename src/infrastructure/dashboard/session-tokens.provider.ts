// The dashboard's session tokens on the app's database: the link-signing keys are loaded on first
// use (a generated key lives in the database), then kept; a failed load is tried again next use.
import type { Provider } from '@nestjs/common';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { loadSigningKeys } from '../unsubscribe/load-unsubscribe-tokens.js';
import { SessionTokens } from './session-token.js';

export const SESSION_TOKENS = Symbol('SessionTokens');

/** The tokens, loaded once. */
export type SessionTokensSource = () => Promise<SessionTokens>;

export const SESSION_TOKENS_PROVIDER: Provider = {
  provide: SESSION_TOKENS,
  inject: [DATABASE],
  useFactory: (db: Database): SessionTokensSource => {
    let tokens: Promise<SessionTokens> | undefined;
    const load = (): Promise<SessionTokens> =>
      loadSigningKeys(db.pool)
        .then((keys) => new SessionTokens(keys))
        .catch((error: unknown) => {
          tokens = undefined;
          throw error;
        });
    return () => (tokens ??= load());
  },
};
