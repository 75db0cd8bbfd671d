// Wires the application's handlers to the adapters for one database (global: every feature
// module of the app can inject these).
import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetLeadHistoryHandler } from '../../application/leads/get-lead-history/get-lead-history.handler.js';
import { ENGAGEMENT_POLICY, engagementPolicyOf } from '../../application/ports/engagement-policy.js';
import { EVENT_STORE } from '../../application/ports/event-store.js';
import { LEAD_STREAM_INDEX } from '../../application/ports/lead-stream-index.js';
import { SEQUENCE_ID_ALLOCATOR } from '../../application/ports/sequence-id-allocator.js';
import { SUPPRESSION_LIST } from '../../application/ports/suppression-list.js';
import { SEQUENCE_COMMAND_HANDLERS } from '../../application/sequences/sequence-command-handlers.js';
import { loadServiceParameters } from '../config/load-run-parameters.js';
import type { Database } from '../database/database.js';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store.js';
import { SqlLeadStreamIndex } from '../sequences/sql-lead-stream-index.js';
import { SqlSequenceIdAllocator } from '../sequences/sql-sequence-id-allocator.js';
import { SqlSuppressionList } from '../suppression/sql-suppression-list.js';
import { NurturingRunner } from '../../application/pipeline/nurturing-runner.js';
import { createPipelineDeps } from '../pipeline/create-pipeline-deps.js';

export const DATABASE = Symbol('Database');
/** `NurturingModuleOptions`: where run parameters come from besides the environment. */
export const PARAMETER_SOURCES = Symbol('ParameterSources');

export interface NurturingModuleOptions {
  /** The JSON file of run parameters (`--config`), read with the environment. */
  configFile?: string;
}

@Module({})
export class NurturingModule {
  static forDatabase(db: Database, options: NurturingModuleOptions = {}): DynamicModule {
    // Read once, from the sources runs read: a lead qualifies at the same score however its
    // engagement arrived (a run, a webhook, a command).
    const policy = engagementPolicyOf(loadServiceParameters({ env: process.env, configFile: options.configFile }));
    return {
      module: NurturingModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: DATABASE, useValue: db },
        { provide: EVENT_STORE, useValue: new PostgresEventStore(db.pool) },
        { provide: SEQUENCE_ID_ALLOCATOR, useValue: new SqlSequenceIdAllocator(db.pool) },
        { provide: LEAD_STREAM_INDEX, useValue: new SqlLeadStreamIndex(db.pool) },
        { provide: SUPPRESSION_LIST, useValue: new SqlSuppressionList(db.pool) },
        { provide: ENGAGEMENT_POLICY, useValue: policy },
        { provide: PARAMETER_SOURCES, useValue: options },
        { provide: NurturingRunner, useFactory: () => new NurturingRunner(createPipelineDeps(db)) },
        ...SEQUENCE_COMMAND_HANDLERS,
        GetLeadHistoryHandler,
      ],
      exports: [DATABASE, EVENT_STORE, SEQUENCE_ID_ALLOCATOR, LEAD_STREAM_INDEX, SUPPRESSION_LIST, ENGAGEMENT_POLICY, PARAMETER_SOURCES, NurturingRunner],
    };
  }
}
