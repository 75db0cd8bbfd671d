// A chart on the page: its title, the SVG (or the note saying why there is none) and its caption.
import type { ReportChart } from './charts/report-chart.js';
import { escapeHtml } from './escape-html.js';

export const chartFigure = (chart: ReportChart): string => `<figure class="chart" data-chart="${escapeHtml(chart.id)}">
<h3>${escapeHtml(chart.title)}</h3>
${chart.svg ?? `<div class="empty">${escapeHtml(chart.emptyNote ?? '')}</div>`}
<figcaption>${escapeHtml(chart.caption)}</figcaption>
</figure>`;
