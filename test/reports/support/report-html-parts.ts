// Reading a rendered report back: its chart figures by name, and the attributes that could fetch something.
export interface RenderedFigure {
  id: string;
  html: string;
}

export const chartFigures = (html: string): RenderedFigure[] =>
  [...html.matchAll(/<figure class="chart" data-chart="([a-z-]+)">([\s\S]*?)<\/figure>/g)].map((m) => ({ id: m[1]!, html: m[2]! }));

/** Every src/href/xlink:href/srcset attribute value and every CSS url(…) of the page. */
export const fetchableReferences = (html: string): string[] => [
  ...[...html.matchAll(/\s(?:src|href|xlink:href|srcset|poster|data|action)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)].map((m) => m[1]!.replace(/^["']|["']$/g, '')),
  ...[...html.matchAll(/url\(\s*([^)]*)\)/gi)].map((m) => m[1]!),
];

export const XSS_NAME = '<img src=x onerror=alert(1)>';
