import { Query } from '@nestjs/cqrs';
import type { DatabaseHealth, GaugeSample } from '../read-side/operations-read-model.port.js';

/** The read side's gauges, for /metrics. */
export class GetGaugesQuery extends Query<GaugeSample[]> {}

/** Whether the database and the event store answer, for /health. */
export class CheckHealthQuery extends Query<DatabaseHealth> {}
