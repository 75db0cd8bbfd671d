// The SQL adapters of the queries' and enrollment's ports (the read side, the leads, the templates),
// on the app's database.
import type { Provider } from '@nestjs/common';
import { UNMATCHED_EVENT_LOG } from '../../application/ports/engagement-matcher.js';
import { LEAD_SOURCE } from '../../application/ports/lead-source.js';
import { TEMPLATE_CATALOG } from '../../application/ports/template-catalog.js';
import { CONVERSION_METRICS_READ_MODEL } from '../../application/queries/read-side/conversion-metrics.port.js';
import { SEQUENCE_READ_MODEL } from '../../application/queries/read-side/sequence-read-model.port.js';
import { RUN_REPORT_READER } from '../../application/queries/read-side/run-report-reader.port.js';
import { READ_MODEL_SYNC } from '../../application/queries/read-side/read-model-sync.port.js';
import { NurturingReadModelProjection } from '../../projections/nurturing-read-model/nurturing-read-model.projection.js';
import { Projector } from '../../projections/projector.js';
import type { Database } from '../database/database.js';
import { postgresLogReader } from '../event-store/postgres/postgres-event-store.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { ProjectorReadModelSync } from './projector-read-model-sync.js';
import { SqlConversionMetrics } from './sql-conversion-metrics.js';
import { SqlUnmatchedEventLog } from '../engagement/sql-unmatched-event-log.js';
import { SqlLeadSource } from '../leads/sql-lead-source.js';
import { SqlRunReportReader } from './sql-run-report-reader.js';
import { SqlSequenceReadModel } from './sql-sequence-read-model.js';
import { SqlTemplateCatalog } from '../templates/sql-template-catalog.js';

const onDatabase = (provide: symbol, build: (db: Database) => unknown): Provider => ({ provide, inject: [DATABASE], useFactory: build });

export const READ_SIDE_PROVIDERS: Provider[] = [
  onDatabase(SEQUENCE_READ_MODEL, (db) => new SqlSequenceReadModel(db.pool)),
  onDatabase(CONVERSION_METRICS_READ_MODEL, (db) => new SqlConversionMetrics(db.pool)),
  onDatabase(RUN_REPORT_READER, (db) => new SqlRunReportReader(db.pool)),
  onDatabase(TEMPLATE_CATALOG, (db) => new SqlTemplateCatalog(db.pool)),
  onDatabase(UNMATCHED_EVENT_LOG, (db) => new SqlUnmatchedEventLog(db.pool)),
  onDatabase(LEAD_SOURCE, (db) => new SqlLeadSource(db.pool)),
  onDatabase(READ_MODEL_SYNC, (db) => new ProjectorReadModelSync(new Projector(db.pool, new NurturingReadModelProjection(), postgresLogReader))),
];
