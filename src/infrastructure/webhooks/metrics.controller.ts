// Prometheus metrics: the process's, the webhooks' counters, and the read side's state. A scrape
// reads a handful of rows: the gauges the projection keeps (nurture_gauges), the log head from
// the primary key's index, the checkpoints. Behind NURTURE_METRICS_TOKEN when set; rate-limited.
import { Controller, Get, Header, Inject, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { SEQUENCES_BY_STATUS, UNMATCHED_EVENTS } from '../../projections/nurturing-read-model/gauges.js';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { MetricsTokenGuard } from './metrics-token.guard.js';
import { PublicRateLimit } from './rate-limit.js';

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
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('cache-control', 'no-store')
  async metrics(): Promise<string> {
    // max(global_position) is one step down the primary key's index, not a scan.
    const { rows } = await this.db.pool.query<{ name: string; label: string; value: string }>(
      `SELECT CASE name WHEN $1 THEN 'nurture_sequences' WHEN $2 THEN 'nurture_unmatched_events' END AS name, label, value::text
         FROM nurture_gauges WHERE name IN ($1, $2)
       UNION ALL
       SELECT 'nurture_event_log_head', '', coalesce(max(global_position), 0)::text FROM es_events
       UNION ALL
       SELECT 'nurture_projection_position', name, global_position::text FROM nurture_projection_checkpoints`,
      [SEQUENCES_BY_STATUS, UNMATCHED_EVENTS],
    );
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
