import { Query } from '@nestjs/cqrs';
import type { ConversionMetricsRow } from '../read-side/conversion-metrics.port.js';

/** Daily conversion metrics as of the view's last refresh (the pipeline's
 * `refresh_conversion_metrics` step), between two UTC days. */
export class GetConversionMetricsQuery extends Query<ConversionMetricsRow[]> {
  constructor(readonly range: { from?: string; to?: string }) {
    super();
  }
}
