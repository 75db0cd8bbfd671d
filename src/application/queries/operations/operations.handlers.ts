import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type DatabaseHealth, type GaugeSample, OPERATIONS_READ_MODEL, type OperationsReadModel } from '../read-side/operations-read-model.port.js';
import { CheckHealthQuery, GetGaugesQuery } from './operations.queries.js';

@QueryHandler(GetGaugesQuery)
export class GetGaugesHandler implements IQueryHandler<GetGaugesQuery> {
  constructor(@Inject(OPERATIONS_READ_MODEL) private readonly operations: OperationsReadModel) {}

  execute(): Promise<GaugeSample[]> {
    return this.operations.gauges();
  }
}

@QueryHandler(CheckHealthQuery)
export class CheckHealthHandler implements IQueryHandler<CheckHealthQuery> {
  constructor(@Inject(OPERATIONS_READ_MODEL) private readonly operations: OperationsReadModel) {}

  execute(): Promise<DatabaseHealth> {
    return this.operations.health();
  }
}
