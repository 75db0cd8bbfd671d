import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DASHBOARD_READ_MODEL, type DashboardReadModel, type DashboardSnapshot, type ProjectionProgress } from '../read-side/dashboard-read-model.port.js';
import { GetDashboardSnapshotQuery, GetProjectionProgressQuery } from './dashboard.queries.js';

@QueryHandler(GetDashboardSnapshotQuery)
export class GetDashboardSnapshotHandler implements IQueryHandler<GetDashboardSnapshotQuery> {
  constructor(@Inject(DASHBOARD_READ_MODEL) private readonly readModel: DashboardReadModel) {}

  execute(): Promise<DashboardSnapshot> {
    return this.readModel.snapshot();
  }
}

@QueryHandler(GetProjectionProgressQuery)
export class GetProjectionProgressHandler implements IQueryHandler<GetProjectionProgressQuery> {
  constructor(@Inject(DASHBOARD_READ_MODEL) private readonly readModel: DashboardReadModel) {}

  execute(): Promise<ProjectionProgress> {
    return this.readModel.progress();
  }
}
