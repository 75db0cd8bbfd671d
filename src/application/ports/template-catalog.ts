// The templates analysts manage (`nurturing_sequence_templates`, a plain table; SQL in infrastructure):
// the one port of that table, for the pipeline (list, get-or-create the default) and the API.
import type { TemplateInput } from '../../domain/templates/template.js';

/** A row as stored, with the table's own column names. */
export interface StoredTemplate {
  id: number;
  name: string;
  description: string | null;
  priority_filter: string | null;
  min_score: number;
  max_score: number;
  total_steps: number;
  steps_config: unknown;
  enabled: boolean;
  stop_on_reply: boolean | null;
  /** What a missing field with no `{{ name | default }}` renders as; null = nothing (text closed up). */
  default_fallback: string | null;
  created_at: string;
  updated_at: string;
}

/** What a create or a full update writes. */
export type TemplateRecord = Omit<StoredTemplate, 'id' | 'created_at' | 'updated_at'>;

export interface TemplateCatalog {
  /** Every template, enabled or not, by id. */
  list(): Promise<StoredTemplate[]>;
  findById(id: number): Promise<StoredTemplate | null>;
  findByName(name: string): Promise<StoredTemplate | null>;
  /** Throws InvalidStateError when another template has the name. */
  insert(template: TemplateRecord): Promise<StoredTemplate>;
  /** Replaces template `id` (null when there is none); InvalidStateError when another template has the name. */
  replace(id: number, template: TemplateRecord): Promise<StoredTemplate | null>;
  /** The template named `input.name`, inserted first if there is none. */
  getOrCreate(input: TemplateInput): Promise<StoredTemplate>;
}

export const TEMPLATE_CATALOG = Symbol('TemplateCatalog');
