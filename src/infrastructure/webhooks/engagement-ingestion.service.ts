// The application's ingestion use case, wired to this database.
import { Inject, Injectable } from '@nestjs/common';
import type { EngagementReport } from '../../application/engagement/engagement-report.js';
import { CoalescingIngest } from '../../application/engagement/coalescing-ingest.js';
import { EngagementIngestion } from '../../application/engagement/engagement-ingestion.js';
import type { EngagementPlan, IngestResult } from '../../application/engagement/ingest-engagement.js';
import { ENGAGEMENT_POLICY, type EngagementPolicy } from '../../application/ports/engagement-policy.js';
import { EVENT_STORE, type EventStore } from '../../application/ports/event-store.js';
import { SequenceStateCache } from '../../application/sequences/sequence-state-cache.js';
import type { Database } from '../database/database.js';
import { SqlEngagementMatcher } from '../engagement/sql-engagement-matcher.js';
import { postgresLogReader } from '../event-store/postgres/postgres-event-store.js';
import { ProjectorReadModelSync } from '../read-side/projector-read-model-sync.js';
import { NurturingReadModelProjection } from '../../projections/nurturing-read-model/nurturing-read-model.projection.js';
import { Projector } from '../../projections/projector.js';
import { SqlUnmatchedEventLog } from '../engagement/sql-unmatched-event-log.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { WebhookMetrics } from './webhook-metrics.js';

@Injectable()
export class EngagementIngestionService {
  /** Concurrent webhook requests are ingested together (group commit). */
  private readonly queue: CoalescingIngest<EngagementPlan>;
  constructor(
    @Inject(DATABASE) db: Database,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(ENGAGEMENT_POLICY) policy: EngagementPolicy,
    private readonly metrics: WebhookMetrics,
  ) {
    // A report that matches nothing is matched again once the read side has caught up.
    const sync = new ProjectorReadModelSync(new Projector(db.pool, new NurturingReadModelProjection(), postgresLogReader), 2000);
    const deps = {
      store,
      matcher: new SqlEngagementMatcher(db.pool),
      unmatched: new SqlUnmatchedEventLog(db.pool),
      states: new SequenceStateCache(store),
      catchUp: () => sync.catchUp(),
    };
    const options = () => ({ ...policy, now: new Date().toISOString() });
    this.queue = new CoalescingIngest(new EngagementIngestion(deps, options));
  }

  async ingest(reports: EngagementReport[], metadata: Record<string, unknown>): Promise<IngestResult> {
    const result = await this.queue.submit({ reports, metadata });
    const source = reports[0]?.source ?? 'unknown';
    this.metrics.events.inc({ source, outcome: 'recorded' }, result.recorded);
    this.metrics.events.inc({ source, outcome: 'duplicate' }, result.duplicates);
    this.metrics.events.inc({ source, outcome: 'unmatched' }, result.unmatched);
    this.metrics.events.inc({ source, outcome: 'refused' }, result.refused.length);
    return result;
  }
}
