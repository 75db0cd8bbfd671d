// Prometheus metrics: the process's, the webhooks' counters, and the read side's state at scrape time.
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(Registry) private readonly registry: Registry,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    const { rows } = await this.db.pool.query<{ name: string; labels: string; value: string }>(`
      SELECT 'nurture_sequences' AS name, 'status="' || status || '"' AS labels, count(*)::text AS value
        FROM lead_nurturing_sequences GROUP BY status
      UNION ALL
      SELECT 'nurture_unmatched_events', '', count(*)::text FROM lead_nurturing_unmatched_events
      UNION ALL
      SELECT 'nurture_event_log_head', '', coalesce(max(global_position), 0)::text FROM es_events
      UNION ALL
      SELECT 'nurture_projection_position', 'projection="' || name || '"', global_position::text FROM nurture_projection_checkpoints`);
    const help: Record<string, string> = {
      nurture_sequences: 'Sequences in the read model, by status.',
      nurture_unmatched_events: 'Engagement events that matched no sequence (GET /unmatched-events lists them).',
      nurture_event_log_head: 'Highest global position in the event log.',
      nurture_projection_position: 'Global position each projection has reached.',
    };
    const lines: string[] = [];
    for (const name of Object.keys(help)) {
      lines.push(`# HELP ${name} ${help[name]}`, `# TYPE ${name} gauge`);
      const own = rows.filter((r) => r.name === name);
      if (own.length === 0 && name === 'nurture_sequences') continue;
      for (const r of own) lines.push(`${name}${r.labels ? `{${r.labels}}` : ''} ${r.value}`);
    }
    return `${await this.registry.metrics()}${lines.join('\n')}\n`;
  }
}
