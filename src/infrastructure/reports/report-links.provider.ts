// The report links on the app's database: the keys are loaded on first use (a generated key lives
// in the database), then kept.
import type { Provider } from '@nestjs/common';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { loadSigningKeys, publicUrlFromEnv } from '../unsubscribe/load-unsubscribe-tokens.js';
import { ReportLinks } from './report-links.js';

export const REPORT_LINKS = Symbol('ReportLinks');

/** The links, loaded once. */
export type ReportLinksSource = () => Promise<ReportLinks>;

export const REPORT_LINKS_PROVIDER: Provider = {
  provide: REPORT_LINKS,
  inject: [DATABASE],
  useFactory: (db: Database): ReportLinksSource => {
    let links: Promise<ReportLinks> | undefined;
    const load = (): Promise<ReportLinks> =>
      loadSigningKeys(db.pool)
        .then((keys) => new ReportLinks(keys, publicUrlFromEnv()))
        .catch((error: unknown) => {
          links = undefined; // tried again on next use
          throw error;
        });
    return () => (links ??= load());
  },
};
