// How figures are written on the page. Never prints NaN/undefined: a missing or non-finite value is "—".
const DASH = '—';
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const known = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

export const formatCount = (n: number | null | undefined): string => (known(n) ? integer.format(n) : DASH);
export const formatPct = (n: number | null | undefined): string => (known(n) ? `${twoDecimals.format(n)} %` : DASH);
export const formatDays = (n: number | null | undefined): string => (known(n) ? `${oneDecimal.format(n)} d` : DASH);

export type FigureUnit = 'count' | 'pct' | 'days';

export const formatFigure = (n: number | null | undefined, unit: FigureUnit): string =>
  unit === 'count' ? formatCount(n) : unit === 'pct' ? formatPct(n) : formatDays(n);

/** A change with its sign: `+3`, `−1.50 pp` (percentage points), `+0.4 d`; `0` without sign. */
export function formatChange(n: number | null | undefined, unit: FigureUnit): string {
  if (!known(n)) return DASH;
  const magnitude = unit === 'count' ? integer.format(Math.abs(n)) : unit === 'pct' ? twoDecimals.format(Math.abs(n)) : oneDecimal.format(Math.abs(n));
  const sign = n > 0 ? '+' : n < 0 ? '−' : '±';
  const suffix = unit === 'pct' ? ' pp' : unit === 'days' ? ' d' : '';
  return `${sign}${magnitude}${suffix}`;
}

/** A chart's value: finite or 0, so a chart never receives NaN. */
export const chartValue = (n: number | null | undefined): number => (known(n) ? n : 0);

/** How a chart writes its counts and rates: the report's (English) by default; the dashboard
 * passes its reader's locale. */
export interface FigureFormat {
  count(n: number | null | undefined): string;
  pct(n: number | null | undefined): string;
}

export const REPORT_FORMAT: FigureFormat = { count: formatCount, pct: formatPct };
