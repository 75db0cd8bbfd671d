import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DASHBOARD_READ_MODEL, type DashboardPulse, type DashboardReadModel } from '../read-side/dashboard-read-model.port.js';
import { DashboardRankings } from './dashboard-rankings.js';
import { type DashboardView, GetDashboardSnapshotQuery, GetProjectionProgressQuery } from './dashboard.queries.js';

export const DASHBOARD_RANKINGS = Symbol('DashboardRankings');

@QueryHandler(GetDashboardSnapshotQuery)
export class GetDashboardSnapshotHandler implements IQueryHandler<GetDashboardSnapshotQuery> {
  constructor(
    @Inject(DASHBOARD_READ_MODEL) private readonly readModel: DashboardReadModel,
    @Inject(DASHBOARD_RANKINGS) private readonly rankings: DashboardRankings,
  ) {}

  async execute(): Promise<DashboardView> {
    const snapshot = await this.readModel.snapshot();
    return { ...snapshot, rankings: this.rankings.current(snapshot.position, snapshot.window) };
  }
}

@QueryHandler(GetProjectionProgressQuery)
export class GetProjectionProgressHandler implements IQueryHandler<GetProjectionProgressQuery> {
  constructor(@Inject(DASHBOARD_READ_MODEL) private readonly readModel: DashboardReadModel) {}

  execute(): Promise<DashboardPulse> {
    return this.readModel.progress();
  }
}
