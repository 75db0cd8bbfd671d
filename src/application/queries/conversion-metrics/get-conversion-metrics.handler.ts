import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ValidationError } from '../../../domain/shared/errors.js';
import { requireDay } from '../shared/input-checks.js';
import { CONVERSION_METRICS_READ_MODEL, type ConversionMetricsReadModel, type ConversionMetricsRow } from '../read-side/conversion-metrics.port.js';
import { GetConversionMetricsQuery } from './get-conversion-metrics.query.js';

@QueryHandler(GetConversionMetricsQuery)
export class GetConversionMetricsHandler implements IQueryHandler<GetConversionMetricsQuery> {
  constructor(@Inject(CONVERSION_METRICS_READ_MODEL) private readonly metrics: ConversionMetricsReadModel) {}

  execute({ range }: GetConversionMetricsQuery): Promise<ConversionMetricsRow[]> {
    const from = range.from === undefined ? undefined : requireDay(range.from, 'from');
    const to = range.to === undefined ? undefined : requireDay(range.to, 'to');
    if (from !== undefined && to !== undefined && from > to) throw new ValidationError('from', `must not be after to (${from} > ${to})`);
    return this.metrics.daily({ from, to });
  }
}
