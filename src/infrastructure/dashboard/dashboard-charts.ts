// The dashboard's charts as ECharts options, built on the server by the reports' own chart
// definitions (the daily chart, the ranking bars) in the reader's language; the page's script
// draws them with the same library, served by this service.
import type { DashboardView } from '../../application/queries/dashboard/dashboard.queries.js';
import { dailyChartOption } from '../reports/html/charts/daily-chart.js';
import { rankingBarsOption, rankingHeight } from '../reports/html/charts/ranking-bars.js';
import { TOP_STEPS_COLOR, topStepBars } from '../reports/html/charts/top-steps-chart.js';
import { TOP_TEMPLATES_COLOR, topTemplateBars } from '../reports/html/charts/top-templates-chart.js';
import type { FigureFormat } from '../reports/html/format-figures.js';
import type { ChartOption } from '../reports/html/render-chart-svg.js';
import { type DashboardLang, labelsFor } from './dashboard-labels.js';

export interface DashboardChart {
  option: ChartOption;
  /** The height it needs, in CSS pixels (rankings grow with their rows). */
  height: number;
}

export interface DashboardCharts {
  daily: DashboardChart | null;
  topTemplates: DashboardChart | null;
  topSteps: DashboardChart | null;
}

const LOCALES: Record<DashboardLang, string> = { en: 'en-US', es: 'es-ES' };

export function figureFormat(lang: DashboardLang): FigureFormat {
  const integer = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 });
  const twoDecimals = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const known = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
  return {
    count: (n) => (known(n) ? integer.format(n) : '—'),
    pct: (n) => (known(n) ? `${twoDecimals.format(n)} %` : '—'),
  };
}

export function dashboardCharts(view: DashboardView, lang: DashboardLang): DashboardCharts {
  const l = labelsFor(lang);
  const format = figureFormat(lang);
  const daily = view.days.length === 0 ? null : {
    option: dailyChartOption(
      view.days.map((d) => ({ label: d.date.slice(5), started: d.started, qualified: d.qualified })),
      { started: l.seriesStarted, qualified: l.seriesQualified },
      { fontSize: 11, everyLabel: false },
    ),
    height: 280,
  };
  const templates = view.rankings?.topTemplates ?? [];
  const steps = view.rankings?.topSteps ?? [];
  return {
    daily,
    topTemplates: templates.length === 0 ? null : { option: rankingBarsOption(topTemplateBars(templates, format), TOP_TEMPLATES_COLOR), height: rankingHeight(templates.length) },
    topSteps: steps.length === 0 ? null : { option: rankingBarsOption(topStepBars(steps, format, l.step), TOP_STEPS_COLOR), height: rankingHeight(steps.length) },
  };
}
