// Builds the pipeline's adapters for one database.
import type { PipelineDeps } from '../../application/pipeline/pipeline-deps.js';
import type { RunParameters } from '../../application/pipeline/run-parameters.js';
import { NurturingReadModelProjection } from '../../projections/nurturing-read-model/nurturing-read-model.projection.js';
import { Projector } from '../../projections/projector.js';
import type { Database } from '../database/database.js';
import { runMigrations } from '../database/migrate.js';
import { PostgresEventStore, postgresLogReader } from '../event-store/postgres/postgres-event-store.js';
import { ApiEngagementSource } from '../http/api-engagement-source.js';
import type { RetryPolicy } from '../http/request-with-retry.js';
import { SlackNotifier } from '../http/slack-notifier.js';
import { S3ObjectStore } from '../s3/s3-object-store.js';
import { WebhookEmailSender } from '../http/webhook-email-sender.js';
import { SqlEngagementMatcher } from '../engagement/sql-engagement-matcher.js';
import { SqlUnmatchedEventLog } from '../engagement/sql-unmatched-event-log.js';
import { SqlLeadSource } from '../leads/sql-lead-source.js';
import { WorkerProjector } from '../projections/worker-projector.js';
import { SqlSequenceIdAllocator } from '../sequences/sql-sequence-id-allocator.js';
import { SqlSuppressionList } from '../suppression/sql-suppression-list.js';
import { SqlTemplateCatalog } from '../templates/sql-template-catalog.js';
import { configuredPublicUrl, loadUnsubscribeTokens } from '../unsubscribe/load-unsubscribe-tokens.js';
import { LocalRunCoordination } from './local-run-coordination.js';
import { PgRunCoordination } from './pg-run-coordination.js';
import { type CatchesUp, SqlPipelineReadModel } from './sql-pipeline-read-model.js';
import { SqlRunReportStore } from './sql-run-report-store.js';

/** `max_retry_attempts` retries after the first attempt; a `Retry-After` of up to two minutes is waited out. */
export const retryPolicyOf = (p: RunParameters): RetryPolicy => ({
  timeoutMs: p.request_timeout * 1000,
  maxRetries: p.max_retry_attempts,
  baseDelayMs: 500,
  maxDelayMs: 120_000,
});

/** The run's S3 bucket, retried like the webhooks (`max_retry_attempts`, `request_timeout`). */
export const s3StoreOf = (p: RunParameters): S3ObjectStore =>
  new S3ObjectStore({ bucket: p.s3_bucket, maxRetries: p.max_retry_attempts, timeoutMs: p.request_timeout * 1000, baseDelayMs: 500, maxDelayMs: 30_000 });

/** The pipeline's adapters; `projector` catches the read model up (default: one in this thread). */
export function createPipelineDeps(db: Database, projector: CatchesUp = new Projector(db.pool, new NurturingReadModelProjection(), postgresLogReader)): PipelineDeps {
  const pool = db.pool;
  return {
    store: new PostgresEventStore(pool),
    ids: new SqlSequenceIdAllocator(pool),
    leads: new SqlLeadSource(pool),
    templates: new SqlTemplateCatalog(pool),
    suppressions: new SqlSuppressionList(pool),
    engagementMatching: { matcher: new SqlEngagementMatcher(pool), unmatched: new SqlUnmatchedEventLog(pool) },
    readModel: new SqlPipelineReadModel(pool, projector),
    coordination: db.mode === 'embedded' ? new LocalRunCoordination() : new PgRunCoordination(pool),
    reports: new SqlRunReportStore(pool),
    ensureSchema: () => runMigrations(db),
    emailSender: (p) => new WebhookEmailSender(p.email_webhook_url, retryPolicyOf(p)),
    engagementSource: (p) => (p.engagement_api_url ? new ApiEngagementSource(p.engagement_api_url, retryPolicyOf(p)) : null),
    notifier: (p) => (p.slack_webhook_url ? new SlackNotifier(p.slack_webhook_url, retryPolicyOf(p)) : null),
    objectStore: (p) => s3StoreOf(p),
    unsubscribeLinks: () => loadUnsubscribeTokens(pool),
    publicUrl: configuredPublicUrl(),
  };
}

/** The adapters of one `nurture run`: on a server database the read model is projected by a
 * worker thread on its own connections, so projecting the outcomes recorded while sending does
 * not take the thread that sends. `close` ends the worker. */
export function openPipelineDeps(db: Database): { deps: PipelineDeps; close(): Promise<void> } {
  const worker = db.mode === 'server' ? WorkerProjector.forConnection(db.connection) : null;
  return { deps: createPipelineDeps(db, worker ?? undefined), close: async () => worker?.close() };
}
