import { Query } from '@nestjs/cqrs';
import type { DashboardSnapshot, ProjectionProgress } from '../read-side/dashboard-read-model.port.js';

/** Everything the dashboard shows, read at once. */
export class GetDashboardSnapshotQuery extends Query<DashboardSnapshot> {}

/** The projector's checkpoint and the log's head, for the dashboard's change stream. */
export class GetProjectionProgressQuery extends Query<ProjectionProgress> {}
