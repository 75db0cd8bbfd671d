// A chart of the report as the page shows it: drawn (an SVG) or, when there is nothing to draw, a note.
import { type ChartOption, type ChartSize, renderChartSvg } from '../render-chart-svg.js';

export interface ReportChart {
  /** Stable name, the `data-chart` of its figure: `funnel`, `daily`, `rates`, `top-templates`, `top-steps`, `trends`. */
  id: string;
  title: string;
  /** What the chart shows and over which denominator; plain text. */
  caption: string;
  svg: string | null;
  /** Shown instead of the chart when `svg` is null. */
  emptyNote: string | null;
}

export const CHART_WIDTH = 860;

// Okabe–Ito: distinguishable with the common colour-vision deficiencies; series also differ by shape or label.
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  grey: '#8C8C8C',
  ink: '#222222',
  muted: '#555555',
} as const;

export const drawnChart = (id: string, title: string, caption: string, option: ChartOption, size: ChartSize): ReportChart => ({
  id, title, caption, svg: renderChartSvg(option, size), emptyNote: null,
});

export const emptyChart = (id: string, title: string, caption: string, emptyNote: string): ReportChart => ({
  id, title, caption, svg: null, emptyNote,
});

export const NO_SEQUENCES = 'No sequences started in this period: nothing to chart.';

// Without a DOM, ECharts estimates text widths; the browser's sans-serif is often wider, so legend
// entries get room to spare rather than touch.
export const LEGEND = { top: 0, itemGap: 32 } as const;
