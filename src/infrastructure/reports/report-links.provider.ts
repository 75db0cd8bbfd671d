// The report links on the app's database, signed with the service's link-signing keys.
import type { Provider } from '@nestjs/common';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { publicUrlFromEnv } from '../unsubscribe/load-unsubscribe-tokens.js';
import { onSigningKeys } from '../unsubscribe/signing-keys-source.js';
import { ReportLinks } from './report-links.js';

export const REPORT_LINKS = Symbol('ReportLinks');

/** The links, loaded once. */
export type ReportLinksSource = () => Promise<ReportLinks>;

export const REPORT_LINKS_PROVIDER: Provider = {
  provide: REPORT_LINKS,
  inject: [DATABASE],
  useFactory: (db: Database): ReportLinksSource => onSigningKeys(db, (keys) => new ReportLinks(keys, publicUrlFromEnv())),
};
