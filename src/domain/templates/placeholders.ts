// The placeholder syntax of templates: `{{ name }}` or `{{ name | fallback text }}`, nothing else
// (logic-less). A template is parsed once into text and field segments, for validation and rendering.

export type Segment = { kind: 'text'; text: string } | { kind: 'field'; name: string; fallback: string | null };

export type ParsedTemplate = { ok: true; segments: Segment[] } | { ok: false; error: string };

const PLACEHOLDER = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|([^{}]*))?$/s;

export function parseTemplate(source: string): ParsedTemplate {
  const segments: Segment[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('{{', at);
    const strayClose = source.indexOf('}}', at);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      return { ok: false, error: `"}}" without a matching "{{" at position ${strayClose}` };
    }
    if (open === -1) {
      segments.push({ kind: 'text', text: source.slice(at) });
      break;
    }
    if (open > at) segments.push({ kind: 'text', text: source.slice(at, open) });
    const close = source.indexOf('}}', open + 2);
    const nextOpen = source.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      return { ok: false, error: `"{{" without a matching "}}" at position ${open}` };
    }
    const inner = source.slice(open + 2, close);
    if (inner.trim() === '') return { ok: false, error: `empty placeholder "{{${inner}}}" at position ${open}` };
    const match = PLACEHOLDER.exec(inner);
    if (match === null) {
      return {
        ok: false,
        error: `malformed placeholder "{{${inner}}}" at position ${open}: expected {{ name }} or {{ name | fallback }}`,
      };
    }
    segments.push({ kind: 'field', name: match[1]!, fallback: match[2] === undefined ? null : match[2].trim() });
    at = close + 2;
  }
  return { ok: true, segments };
}
