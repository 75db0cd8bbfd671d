// The header block of a MIME message (RFC 5322 §2.2): up to the first empty line, continuation
// lines (starting with a space or tab) unfolded. Names are lower-cased; a repeated header keeps
// every value in order.
export type HeaderMap = Map<string, string[]>;

export function parseHeaderBlock(raw: string): HeaderMap {
  const headers: HeaderMap = new Map();
  const lines = raw.replace(/\r\n/g, '\n').split('\n');
  let current: { name: string; value: string } | null = null;
  const flush = () => {
    if (current) headers.set(current.name, [...(headers.get(current.name) ?? []), current.value.trim()]);
  };
  for (const line of lines) {
    if (line.trim() === '') break;
    if (/^[ \t]/.test(line) && current) {
      current.value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    current = colon > 0 ? { name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1) } : null;
  }
  flush();
  return headers;
}

export function addHeader(headers: HeaderMap, name: string, value: string): void {
  const key = name.trim().toLowerCase();
  headers.set(key, [...(headers.get(key) ?? []), value]);
}

export const firstHeader = (headers: HeaderMap, name: string): string | null => headers.get(name)?.[0]?.trim() || null;
