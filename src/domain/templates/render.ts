// Renders a template's placeholders from lead fields. Logic-less: substitution and fallbacks only.
import { ValidationError } from '../shared/errors.js';
import { parseTemplate } from './placeholders.js';

export type TemplateFields = Record<string, string | number | null | undefined>;

export interface RenderOptions {
  /** Escape substituted values for an HTML body (the template's own markup is left alone). */
  html?: boolean;
  /** Fallback per field name, used when the placeholder has no inline `| fallback`. */
  fallbacks?: Record<string, string>;
  /** Last resort for a missing field; default ''. */
  defaultFallback?: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

// Own properties only: a field named `constructor` must not render Object's constructor.
function own<V>(record: Record<string, V> | undefined, name: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, name) ? record[name] : undefined;
}

function present(value: string | number | null | undefined): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Throws a ValidationError('template') for malformed placeholders: validate templates first. */
export function renderTemplate(template: string, fields: TemplateFields, options: RenderOptions = {}): string {
  const parsed = parseTemplate(template);
  if (!parsed.ok) throw new ValidationError('template', parsed.error);
  return parsed.segments
    .map((segment) => {
      if (segment.kind === 'text') return segment.text;
      const value =
        present(own(fields, segment.name)) ??
        segment.fallback ??
        own(options.fallbacks, segment.name) ??
        options.defaultFallback ??
        '';
      return options.html ? escapeHtml(value) : value;
    })
    .join('');
}

/** A subject line: plain text, line breaks collapsed to one space so no header can be injected. */
export function renderSubject(template: string, fields: TemplateFields, options: RenderOptions = {}): string {
  return renderTemplate(template, fields, { ...options, html: false })
    .replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ')
    .trim();
}
