// The option of a horizontal ranking: one bar per row, best at the top, its value and raw counts beside it.
import type { ChartOption } from '../render-chart-svg.js';
import { chartValue } from '../format-figures.js';
import { PALETTE } from './report-chart.js';

export interface RankedBar {
  name: string;
  value: number;
  label: string;
}

export const rankingHeight = (rows: number): number => 50 + rows * 40;

export const rankingBarsOption = (bars: RankedBar[], color: string): ChartOption => ({
  grid: { left: 240, right: 150, top: 10, bottom: 30 },
  xAxis: { type: 'value', axisLabel: { formatter: '{value} %', color: PALETTE.muted } },
  yAxis: {
    type: 'category', inverse: true, data: bars.map((b) => b.name),
    // Template names are user data of any length: cut with an ellipsis in the chart, whole in the table.
    axisLabel: { width: 225, overflow: 'truncate', color: PALETTE.ink },
  },
  series: [{
    type: 'bar', barMaxWidth: 24, itemStyle: { color },
    data: bars.map((b) => ({ value: chartValue(b.value), label: { show: true, position: 'right', formatter: b.label, color: PALETTE.ink } })),
  }],
});
