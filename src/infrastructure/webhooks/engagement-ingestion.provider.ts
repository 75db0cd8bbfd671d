// EngagementIngestion on this database: the matcher and the unmatched-event log in SQL, recent
// sequence states cached, the read side caught up before a report is declared unmatched, and the
// engagement policy of the service's parameters.
import type { Provider } from '@nestjs/common';
import { EngagementIngestion } from '../../application/engagement/engagement-ingestion.js';
import { ENGAGEMENT_POLICY, type EngagementPolicy } from '../../application/ports/engagement-policy.js';
import { EVENT_STORE, type EventStore } from '../../application/ports/event-store.js';
import { SequenceStateCache } from '../../application/sequences/sequence-state-cache.js';
import { NurturingReadModelProjection } from '../../projections/nurturing-read-model/nurturing-read-model.projection.js';
import { Projector } from '../../projections/projector.js';
import type { Database } from '../database/database.js';
import { SqlEngagementMatcher } from '../engagement/sql-engagement-matcher.js';
import { SqlUnmatchedEventLog } from '../engagement/sql-unmatched-event-log.js';
import { postgresLogReader } from '../event-store/postgres/postgres-event-store.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { ProjectorReadModelSync } from '../read-side/projector-read-model-sync.js';

export const engagementIngestionProvider: Provider = {
  provide: EngagementIngestion,
  inject: [DATABASE, EVENT_STORE, ENGAGEMENT_POLICY],
  useFactory: (db: Database, store: EventStore, policy: EngagementPolicy) => {
    const sync = new ProjectorReadModelSync(new Projector(db.pool, new NurturingReadModelProjection(), postgresLogReader), 2000);
    const deps = {
      store,
      matcher: new SqlEngagementMatcher(db.pool),
      unmatched: new SqlUnmatchedEventLog(db.pool),
      states: new SequenceStateCache(store),
      catchUp: () => sync.catchUp(),
    };
    return new EngagementIngestion(deps, () => ({ ...policy, now: new Date().toISOString() }));
  },
};
