// What the Chromium test measures inside the page. Written as JavaScript source (the project compiles
// without the DOM's types), each a function of one JSON argument, run by `inPage`.
import type { Page } from 'playwright-core';

export const inPage = <T>(page: Page, fnSource: string, arg: unknown = null): Promise<T> =>
  page.evaluate(`(${fnSource})(${JSON.stringify(arg)})`) as Promise<T>;

export interface MeasuredChart {
  id: string;
  svgs: number;
  width: number;
  height: number;
  /** Filled paths and rects with a non-empty box: bars, points, legend swatches. */
  marks: number;
}

export const MEASURE_CHARTS = `() => [...document.querySelectorAll('figure.chart')].map((f) => {
  const svg = f.querySelector('svg');
  const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
  const marks = svg ? [...svg.querySelectorAll('path, rect')].filter((el) => {
    const b = el.getBBox();
    const fill = el.getAttribute('fill');
    return b.width > 0 && b.height > 0 && fill !== null && fill !== 'none' && fill !== 'transparent';
  }).length : 0;
  return { id: f.getAttribute('data-chart'), svgs: f.querySelectorAll('svg').length, width: box.width, height: box.height, marks };
})`;

export interface PrintLayout {
  width: number;
  figures: { height: number; breakInside: string }[];
  sectionBreaks: string[];
}

export const PRINT_LAYOUT = `() => ({
  width: document.documentElement.scrollWidth,
  figures: [...document.querySelectorAll('figure.chart')].map((f) => ({ height: f.getBoundingClientRect().height, breakInside: getComputedStyle(f).breakInside })),
  sectionBreaks: [...document.querySelectorAll('section.report-section')].map((s) => getComputedStyle(s).breakBefore),
})`;

export interface PixelCounts {
  total: number;
  /** Pixels darker than the white background. */
  ink: number;
  /** Pixels within a small distance of the target colour. */
  matching: number;
}

/** Reads a PNG back through a canvas and counts its pixels. */
export const COUNT_PIXELS = `async ({ dataUrl, target }) => {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  let ink = 0;
  let matching = 0;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i], g = data[i + 1], b = data[i + 2];
    if (r < 235 || g < 235 || b < 235) ink++;
    if (Math.abs(r - target[0]) + Math.abs(g - target[1]) + Math.abs(b - target[2]) < 30) matching++;
  }
  return { total: img.width * img.height, ink, matching };
}`;

export const countPixels = (page: Page, png: Buffer, rgb: [number, number, number]): Promise<PixelCounts> =>
  inPage<PixelCounts>(page, COUNT_PIXELS, { dataUrl: `data:image/png;base64,${png.toString('base64')}`, target: rgb });
