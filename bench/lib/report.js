// One table (or one JSON document) for all cases: the figure, the raw limit measured in the same
// run, their ratio, the target, whether it was met, and whether the case's correctness checks passed.

const fmt = (n) => {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
};

const targetText = (t) => {
  if (!t) return '—';
  const parts = [];
  if (t.min !== undefined) parts.push(`≥ ${fmt(t.min)}`);
  if (t.max !== undefined) parts.push(`< ${fmt(t.max)}`);
  if (t.minRatio !== undefined) parts.push(`≥ ${t.minRatio} raw`);
  return parts.join(', ');
};

/** pass | miss | — for a row, from its figure, ratio and target. */
export function verdict(row) {
  if (row.status === 'pending' || row.status === 'error') return row.status;
  const t = row.target;
  if (!t) return '—';
  let ok = true;
  if (t.min !== undefined) ok &&= row.figure >= t.min;
  if (t.max !== undefined) ok &&= row.figure < t.max;
  if (t.minRatio !== undefined) ok &&= row.ratio !== null && row.ratio >= t.minRatio;
  return ok ? 'pass' : 'miss';
}

export function finishRow(row) {
  const ratio = row.raw ? row.figure / row.raw : null;
  const out = { ...row, ratio: row.ratio ?? ratio };
  out.result = verdict(out);
  return out;
}

export function renderTable(rows) {
  const header = ['case', 'figure', 'unit', 'raw limit', 'ratio', 'target', 'result', 'correct'];
  const lines = rows.map((r) => [
    r.name,
    r.status === 'pending' ? 'pending' : fmt(r.figure),
    r.unit ?? '',
    fmt(r.raw),
    r.ratio === null || r.ratio === undefined ? '—' : r.ratio.toFixed(2),
    targetText(r.target),
    r.result,
    r.correct === null ? '—' : r.correct ? 'ok' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const row = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}

/** The notes under the table: how each figure was measured, and any failed check. */
export function renderNotes(rows) {
  const out = [];
  for (const r of rows) {
    if (r.note) out.push(`${r.name}: ${r.note}`);
    for (const c of r.checks ?? []) if (!c.ok) out.push(`${r.name}: CHECK FAILED ${c.name}: expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.actual)}`);
    if (r.error) out.push(`${r.name}: ERROR ${r.error}`);
  }
  return out.join('\n');
}
