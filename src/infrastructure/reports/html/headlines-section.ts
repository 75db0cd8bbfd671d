// The four headline figures, each beside the previous period's and the change. The change says
// better/worse in words and with an arrow, not by colour alone; fewer days to qualify is better.
import type { Headline } from '../../../application/reports/report.js';
import { escapeHtml } from './escape-html.js';
import { type FigureUnit, formatChange, formatFigure } from './format-figures.js';

const META: Record<Headline['name'], { title: string; unit: FigureUnit; higherIsBetter: boolean }> = {
  leads_qualified: { title: 'Leads qualified', unit: 'count', higherIsBetter: true },
  conversion_rate_pct: { title: 'Conversion rate (qualified ÷ started)', unit: 'pct', higherIsBetter: true },
  reply_rate_pct: { title: 'Reply rate (replied ÷ sent)', unit: 'pct', higherIsBetter: true },
  avg_days_to_qualify: { title: 'Average days to qualify', unit: 'days', higherIsBetter: false },
};

function changeHtml(h: Headline, unit: FigureUnit, higherIsBetter: boolean): string {
  if (h.change === null || !Number.isFinite(h.change)) return '<span class="change unknown">no comparison</span>';
  if (h.change === 0) return `<span class="change same">■ ${formatChange(0, unit)} unchanged</span>`;
  const arrow = h.change > 0 ? '▲' : '▼';
  const better = (h.change > 0) === higherIsBetter;
  return `<span class="change ${better ? 'better' : 'worse'}">${arrow} ${formatChange(h.change, unit)} ${better ? 'better' : 'worse'}</span>`;
}

export function headlinesSection(headlines: Headline[], previousLabel: string): string {
  const cards = headlines.map((h) => {
    const meta = META[h.name];
    return `<div class="headline" data-headline="${escapeHtml(h.name)}">
  <div class="name">${escapeHtml(meta.title)}</div>
  <div class="value">${formatFigure(h.value, meta.unit)}</div>
  <div class="compare">previous (${escapeHtml(previousLabel)}): ${formatFigure(h.previous, meta.unit)}</div>
  <div class="compare">${changeHtml(h, meta.unit, meta.higherIsBetter)}</div>
</div>`;
  });
  return `<div class="headlines">\n${cards.join('\n')}\n</div>`;
}
