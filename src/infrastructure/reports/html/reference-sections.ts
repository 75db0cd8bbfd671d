// The report's written definitions and its appendix: the SQL of every figure with the parameters it ran with.
import type { ReportDefinition, ReportQuery } from '../../../application/reports/report.js';
import { escapeHtml } from './escape-html.js';

export function definitionsList(definitions: ReportDefinition[]): string {
  if (definitions.length === 0) return '<p class="note">This report carries no definitions.</p>';
  const items = definitions.map((d) => `<dt>${escapeHtml(d.name)}</dt>\n<dd>${escapeHtml(d.text)}</dd>`);
  return `<dl class="definitions">\n${items.join('\n')}\n</dl>`;
}

const paramsText = (params: unknown[]): string =>
  params.length === 0 ? 'none' : params.map((p, i) => `$${i + 1} = ${JSON.stringify(p) ?? String(p)}`).join(', ');

export function sqlAppendix(queries: ReportQuery[]): string {
  if (queries.length === 0) return '<p class="note">This report carries no SQL.</p>';
  return queries.map((q) => `<div class="sql-figure">
<h3>${escapeHtml(q.figure)}</h3>
<p class="params">Parameters: ${escapeHtml(paramsText(q.params))}</p>
<pre class="sql"><code>${escapeHtml(q.sql.trim())}</code></pre>
</div>`).join('\n');
}
