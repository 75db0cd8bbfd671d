import type pg from 'pg';
import type { TemplateStore } from '../../application/ports/template-store.js';
import type { TemplateInput } from '../../domain/templates/template.js';

const COLUMNS = 'id, name, description, priority_filter, min_score, max_score, total_steps, steps_config, enabled, stop_on_reply, default_fallback';

export class SqlTemplateStore implements TemplateStore {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async listTemplates(): Promise<TemplateInput[]> {
    const { rows } = await this.db.query<TemplateInput>(`SELECT ${COLUMNS} FROM nurturing_sequence_templates ORDER BY id`);
    return rows;
  }

  async getOrCreate(t: TemplateInput): Promise<TemplateInput> {
    await this.db.query(
      `INSERT INTO nurturing_sequence_templates (name, description, priority_filter, min_score, max_score, total_steps, steps_config, enabled, default_fallback)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)
       ON CONFLICT (name) DO NOTHING`,
      [t.name, t.description ?? null, t.priority_filter, t.min_score ?? 0, t.max_score ?? 100, t.total_steps, JSON.stringify(t.steps_config), t.enabled ?? true, t.default_fallback ?? null],
    );
    const { rows } = await this.db.query<TemplateInput>(`SELECT ${COLUMNS} FROM nurturing_sequence_templates WHERE name = $1`, [t.name]);
    return rows[0]!;
  }
}
