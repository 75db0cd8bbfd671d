// Prometheus metrics: the process's, the webhooks' counters, and the read side's state. A scrape
// reads a handful of rows: the gauges the projection keeps (nurture_gauges), the log head from
// the primary key's index, the checkpoints. Behind NURTURE_METRICS_TOKEN when set; rate-limited.
import { Controller, Get, Header, Inject, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { GetGaugesQuery } from '../../application/queries/operations/operations.queries.js';
import { MetricsTokenGuard } from './metrics-token.guard.js';
import { PublicRateLimit } from '../webhooks/rate-limit.js';

const GAUGES: { name: string; help: string; label?: string }[] = [
  { name: 'nurture_sequences', help: 'Sequences in the read model, by status.', label: 'status' },
  { name: 'nurture_unmatched_events', help: 'Engagement events that matched no sequence (GET /unmatched-events lists them).' },
  { name: 'nurture_event_log_head', help: 'Highest global position in the event log.' },
  { name: 'nurture_projection_position', help: 'Global position each projection has reached.', label: 'projection' },
];

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

@ApiExcludeController()
@Controller('metrics')
// The rate limit first: guessing the token is limited too.
@UseGuards(PublicRateLimit, MetricsTokenGuard)
export class MetricsController {
  constructor(
    @Inject(Registry) private readonly registry: Registry,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('cache-control', 'no-store')
  async metrics(): Promise<string> {
    const rows = await this.queries.execute(new GetGaugesQuery());
    const lines: string[] = [];
    for (const gauge of GAUGES) {
      lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`);
      const own = rows.filter((r) => r.name === gauge.name);
      if (own.length === 0 && !gauge.label) lines.push(`${gauge.name} 0`);
      for (const r of own) lines.push(`${gauge.name}${gauge.label ? `{${gauge.label}="${escapeLabel(r.label)}"}` : ''} ${r.value}`);
    }
    return `${await this.registry.metrics()}${lines.join('\n')}\n`;
  }
}
