// The live dashboard of `nurture serve` (issue 13): sign-in, the page, its snapshot and its stream.
import { Module } from '@nestjs/common';
import { GetDashboardSnapshotHandler, GetProjectionProgressHandler } from '../../application/queries/dashboard/dashboard.handlers.js';
import { DASHBOARD_READ_MODEL } from '../../application/queries/read-side/dashboard-read-model.port.js';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { SqlDashboardReadModel } from '../read-side/sql-dashboard-read-model.js';
import { DashboardController } from './dashboard.http.controller.js';
import { DASHBOARD_RANKINGS_PROVIDER } from './dashboard-rankings.provider.js';
import { DashboardSessionGuard } from './dashboard-session.guard.js';
import { DashboardSessions } from './dashboard-sessions.js';
import { DashboardStreams } from './dashboard-streams.js';
import { SESSION_TOKENS_PROVIDER } from './session-tokens.provider.js';
import { DashboardSignInController } from './sign-in.http.controller.js';
import { SqlSignedOutSessions } from './sql-signed-out-sessions.js';

@Module({
  controllers: [DashboardSignInController, DashboardController],
  providers: [
    { provide: DASHBOARD_READ_MODEL, inject: [DATABASE], useFactory: (db: Database) => new SqlDashboardReadModel(db.pool) },
    DASHBOARD_RANKINGS_PROVIDER,
    GetDashboardSnapshotHandler,
    GetProjectionProgressHandler,
    SESSION_TOKENS_PROVIDER,
    { provide: SqlSignedOutSessions, inject: [DATABASE], useFactory: (db: Database) => new SqlSignedOutSessions(db.pool) },
    DashboardSessions,
    DashboardSessionGuard,
    DashboardStreams,
  ],
})
export class DashboardModule {}
