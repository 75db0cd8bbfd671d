// A table of rows: each column says how to write a cell and whether it is text (left-aligned) or a figure.
import { escapeHtml } from './escape-html.js';

export interface Column<Row> {
  header: string;
  cell: (row: Row, index: number) => string;
  /** `label`: left-aligned on one line (a date, a month); `text`: left-aligned, wraps (a template name). Else a figure. */
  kind?: 'label' | 'text';
}

export function htmlTable<Row>(columns: Column<Row>[], rows: Row[], emptyNote: string, footnote?: string): string {
  if (rows.length === 0) return `<p class="note">${escapeHtml(emptyNote)}</p>`;
  const cls = (c: Column<Row>) => (c.kind ? ` class="${c.kind}"` : '');
  const head = columns.map((c) => `<th${cls(c)} scope="col">${escapeHtml(c.header)}</th>`).join('');
  const body = rows.map((r, i) => `<tr>${columns.map((c) => `<td${cls(c)}>${escapeHtml(c.cell(r, i))}</td>`).join('')}</tr>`).join('\n');
  const foot = footnote ? `\n<p class="note">${escapeHtml(footnote)}</p>` : '';
  return `<div class="table-wrap"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>${foot}`;
}
