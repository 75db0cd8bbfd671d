import { Query } from '@nestjs/cqrs';
import type { DashboardPulse, DashboardSnapshot } from '../read-side/dashboard-read-model.port.js';
import type { DashboardRankingsView } from './dashboard-rankings.js';

/** What the dashboard shows: the read side's snapshot and the last computed rankings (null while
 * the first ones are computed, or when there is no day to rank). */
export type DashboardView = DashboardSnapshot & { rankings: DashboardRankingsView | null };

/** Everything the dashboard shows, read at once. */
export class GetDashboardSnapshotQuery extends Query<DashboardView> {}

/** The projector's checkpoint, the log's head and the lists' sizes, for the dashboard's change stream. */
export class GetProjectionProgressQuery extends Query<DashboardPulse> {}
