// Renders a template's placeholders from lead fields. Logic-less: substitution and fallbacks only;
// a field with no value and no fallback leaves no braces, stray punctuation or doubled spaces behind.
import { ValidationError } from '../shared/errors.js';
import { parseTemplate } from './placeholders.js';

export type TemplateFields = Record<string, string | number | null | undefined>;

export interface RenderOptions {
  /** Escape substituted values for an HTML body (the template's own markup is left alone). */
  html?: boolean;
  /** Fallback per field name, used when the placeholder has no inline `| fallback`. */
  fallbacks?: Record<string, string>;
  /** The template-wide default (`default_fallback`) for a missing field with no fallback of its own.
   * Without one (or empty) the field renders as nothing and the text around it is closed up. */
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

const GAP = Symbol('missing field');
type Piece = string | typeof GAP;

const SEPARATOR = /^[,;:]/;
const PUNCTUATION = /^[,;:.!?…]+/;
const NO_SPACE_BEFORE = /^[,;:.!?…)\]»]/;
const SENTENCE_START = /(?:^|[\n.!?…¿¡])$/;
const OPENING = /[([{«"'“‘]$/;

const capitalise = (text: string): string => text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());

/**
 * Closes the gap a missing field leaves between `left` (rendered so far) and `right` (the text up to
 * the next gap, or to the end when `atEnd`), so no stray punctuation or spacing is left behind:
 * `{{first_name}}, acceso VIP` → `Acceso VIP`, `Hola {{first_name}},` → `Hola,`,
 * `Hola {{first_name}}, ¿qué tal?` → `Hola, ¿qué tal?`, `Hola {{first_name}} amigo` → `Hola amigo`.
 * Only the characters next to the gap are touched; the rest of the author's text is left alone.
 */
function closeGap(left: string, right: string, atEnd: boolean, html: boolean): [string, string] {
  const leftSpace = /[ \t]*$/.exec(left)![0];
  let core = left.slice(0, left.length - leftSpace.length);
  let rest = right.replace(/^[ \t]+/, '');
  const hadRightSpace = rest.length < right.length;
  const lineEnds = (text: string) => (text === '' && atEnd) || text.startsWith('\n') || text.startsWith('\r') || (html && text.startsWith('</'));

  if (SENTENCE_START.test(core) || (html && core.endsWith('>'))) {
    // The text (or a sentence, or a line) now starts where the placeholder was.
    rest = rest.replace(PUNCTUATION, '').replace(/^[ \t]+/, '');
    if (core === '') rest = rest.replace(/^\s+/, '');
    if (lineEnds(rest)) return [core, rest];
    const space = leftSpace === '' && /[.!?…]$/.test(core) && rest !== '' ? ' ' : '';
    return [left + space, capitalise(rest)];
  }
  if (OPENING.test(core)) return [left, rest.replace(SEPARATOR, '').replace(/^[ \t]+/, '')];
  if (NO_SPACE_BEFORE.test(rest)) {
    if (/[,;:]$/.test(core)) {
      // Two separators meet: `Hola, {{first_name}}, qué` → `Hola, qué`; `Hola, {{first_name}}.` → `Hola.`
      if (SEPARATOR.test(rest)) {
        const after = rest.slice(1).replace(/^[ \t]+/, '');
        return [lineEnds(after) ? core : left, after];
      }
      if (/^[.!?…]/.test(rest)) core = core.slice(0, -1);
    }
    return [core, rest];
  }
  if (lineEnds(rest)) return [core.replace(/[,;:]$/, ''), rest];
  return [leftSpace === '' && hadRightSpace ? `${core} ` : left, rest];
}

/** Throws a ValidationError('template') for malformed placeholders: validate templates first. */
export function renderTemplate(template: string, fields: TemplateFields, options: RenderOptions = {}): string {
  const parsed = parseTemplate(template);
  if (!parsed.ok) throw new ValidationError('template', parsed.error);
  const html = options.html === true;
  const pieces: Piece[] = [];
  for (const segment of parsed.segments) {
    let piece: Piece;
    if (segment.kind === 'text') piece = segment.text;
    else {
      const value =
        present(own(fields, segment.name)) ??
        segment.fallback ??
        own(options.fallbacks, segment.name) ??
        options.defaultFallback ??
        '';
      piece = value === '' ? GAP : html ? escapeHtml(value) : value;
    }
    const last = pieces.length - 1;
    if (piece === GAP && pieces[last] === GAP) continue;
    if (typeof piece === 'string' && typeof pieces[last] === 'string') pieces[last] += piece;
    else pieces.push(piece);
  }
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece !== GAP) {
      out += piece;
      continue;
    }
    const right = typeof pieces[i + 1] === 'string' ? (pieces[i + 1] as string) : '';
    const [left, rest] = closeGap(out, right, i + 2 >= pieces.length, html);
    out = left;
    if (i + 1 < pieces.length) pieces[i + 1] = rest;
  }
  return out;
}

/** A subject line: plain text, line breaks collapsed to one space so no header can be injected. */
export function renderSubject(template: string, fields: TemplateFields, options: RenderOptions = {}): string {
  return renderTemplate(template, fields, { ...options, html: false })
    .replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ')
    .trim();
}
