// The dashboard's session tokens on the app's database, signed with the service's link-signing keys.
import type { Provider } from '@nestjs/common';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { onSigningKeys } from '../unsubscribe/signing-keys-source.js';
import { SessionTokens } from './session-token.js';

export const SESSION_TOKENS = Symbol('SessionTokens');

/** The tokens, loaded once. */
export type SessionTokensSource = () => Promise<SessionTokens>;

export const SESSION_TOKENS_PROVIDER: Provider = {
  provide: SESSION_TOKENS,
  inject: [DATABASE],
  useFactory: (db: Database): SessionTokensSource => onSigningKeys(db, (keys) => new SessionTokens(keys)),
};
