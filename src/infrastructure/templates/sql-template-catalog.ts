// `nurturing_sequence_templates`: list, find, insert, replace, get-or-create.
import type pg from 'pg';
import type { StoredTemplate, TemplateCatalog, TemplateRecord } from '../../application/ports/template-catalog.js';
import { InvalidStateError } from '../../domain/shared/errors.js';
import type { TemplateInput } from '../../domain/templates/template.js';
import { jsonRow } from '../read-side/json-row.js';

const COLUMNS = 'id, name, description, priority_filter, min_score, max_score, total_steps, steps_config, enabled, stop_on_reply, default_fallback, created_at, updated_at';
const UNIQUE_VIOLATION = '23505';

const values = (t: TemplateRecord): unknown[] => [
  t.name, t.description, t.priority_filter, t.min_score, t.max_score, t.total_steps, JSON.stringify(t.steps_config), t.enabled, t.stop_on_reply, t.default_fallback,
];

export class SqlTemplateCatalog implements TemplateCatalog {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async list(): Promise<StoredTemplate[]> {
    return this.select('ORDER BY id', []);
  }

  async findById(id: number): Promise<StoredTemplate | null> {
    return (await this.select('WHERE id = $1', [id]))[0] ?? null;
  }

  async findByName(name: string): Promise<StoredTemplate | null> {
    return (await this.select('WHERE name = $1', [name]))[0] ?? null;
  }

  insert(t: TemplateRecord): Promise<StoredTemplate> {
    return this.write(t, () =>
      this.db.query(
        `INSERT INTO nurturing_sequence_templates (name, description, priority_filter, min_score, max_score, total_steps, steps_config, enabled, stop_on_reply, default_fallback)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10) RETURNING ${COLUMNS}`,
        values(t),
      ),
    ) as Promise<StoredTemplate>;
  }

  replace(id: number, t: TemplateRecord): Promise<StoredTemplate | null> {
    return this.write(t, () =>
      this.db.query(
        `UPDATE nurturing_sequence_templates
            SET name = $1, description = $2, priority_filter = $3, min_score = $4, max_score = $5,
                total_steps = $6, steps_config = $7::jsonb, enabled = $8, stop_on_reply = $9, default_fallback = $10
          WHERE id = $11 RETURNING ${COLUMNS}`,
        [...values(t), id],
      ),
    );
  }

  async getOrCreate(t: TemplateInput): Promise<StoredTemplate> {
    await this.db.query(
      `INSERT INTO nurturing_sequence_templates (name, description, priority_filter, min_score, max_score, total_steps, steps_config, enabled, default_fallback)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) ON CONFLICT (name) DO NOTHING`,
      [t.name, t.description ?? null, t.priority_filter, t.min_score ?? 0, t.max_score ?? 100, t.total_steps, JSON.stringify(t.steps_config), t.enabled ?? true, t.default_fallback ?? null],
    );
    return (await this.findByName(t.name))!;
  }

  private async select(clause: string, params: unknown[]): Promise<StoredTemplate[]> {
    const { rows } = await this.db.query(`SELECT ${COLUMNS} FROM nurturing_sequence_templates ${clause}`, params);
    return rows.map((r) => jsonRow<StoredTemplate>(r));
  }

  private async write(t: TemplateRecord, statement: () => Promise<pg.QueryResult>): Promise<StoredTemplate | null> {
    try {
      const { rows } = await statement();
      return rows[0] ? jsonRow<StoredTemplate>(rows[0]) : null;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new InvalidStateError(`a template named ${JSON.stringify(t.name)} already exists`);
      }
      throw error;
    }
  }
}
