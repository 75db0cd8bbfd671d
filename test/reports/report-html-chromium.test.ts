// The report's HTML opened in a real browser (headless Chromium): every chart is drawn with marks and
// visible pixels, the page asks for nothing from any host, and it prints on A4 with no chart cut.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Report } from '../../src/application/reports/report.js';
import { renderReportHtml } from '../../src/infrastructure/reports/html/render-report-html.js';
import { tempDir } from '../support/cli.js';
import { countPixels, inPage, MEASURE_CHARTS, type MeasuredChart, PRINT_LAYOUT, type PrintLayout } from './support/browser-probes.js';
import { chromiumAvailability, launchChromium } from './support/headless-chromium.js';
import { monthlyReport, weeklyReport } from './support/report-fixtures.js';

// The chart's series colour (Okabe–Ito, as the charts draw them) and how many marks (bars, points) it has at least.
const BLUE: [number, number, number] = [0x00, 0x72, 0xb2];
const CHARTS: Record<string, { colour: [number, number, number]; marks: (r: Report) => number }> = {
  funnel: { colour: BLUE, marks: () => 6 },
  rates: { colour: BLUE, marks: () => 8 },
  daily: { colour: BLUE, marks: (r) => r.daily.length },
  'top-templates': { colour: [0xe6, 0x9f, 0x00], marks: (r) => r.top_templates.length },
  'top-steps': { colour: [0x00, 0x9e, 0x73], marks: (r) => r.top_steps.length },
  trends: { colour: BLUE, marks: (r) => 2 * r.trends.length },
};

// A4 (210 × 297 mm) less the page's 12 mm / 14 mm margins, in CSS pixels (96 per inch).
const MM = 96 / 25.4;
const PRINT_WIDTH = Math.floor((210 - 24) * MM);
const PRINT_HEIGHT = Math.floor((297 - 28) * MM);

const availability = chromiumAvailability();

if (!availability.run && availability.mustFail) {
  it('needs Chromium in CI', () => {
    throw new Error(availability.reason);
  });
} else if (!availability.run) {
  it.skip(`the report in headless Chromium — skipped: ${availability.reason}`, () => undefined);
} else {
  describe.each([['weekly', weeklyReport], ['monthly', monthlyReport]] as [string, Report][])('the %s report in headless Chromium', (name, report) => {
    let browser: Browser;
    let page: Page;
    const requests: string[] = [];
    const out = tempDir(`report-html-${name}-`);

    beforeAll(async () => {
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('request', (r) => requests.push(r.url()));
      await page.setContent(renderReportHtml(report), { waitUntil: 'load' });
    });
    afterAll(() => browser?.close());

    it('draws every chart: a visible <svg> holding at least one mark per data point', async () => {
      const charts = await inPage<MeasuredChart[]>(page, MEASURE_CHARTS);
      expect(charts.map((c) => c.id)).toEqual(Object.keys(CHARTS).filter((id) => id !== 'trends' || report.period.kind === 'monthly'));
      for (const c of charts) {
        expect({ id: c.id, svgs: c.svgs, drawn: c.width > 100 && c.height > 100 }).toEqual({ id: c.id, svgs: 1, drawn: true });
        expect({ id: c.id, enoughMarks: c.marks >= CHARTS[c.id]!.marks(report) }).toEqual({ id: c.id, enoughMarks: true });
      }
    });

    it('shows the charts on screen: each one’s screenshot has ink and its series colour', async () => {
      const counter = await browser.newPage();
      try {
        for (const figure of await page.$$('figure.chart')) {
          const id = (await figure.getAttribute('data-chart'))!;
          const png = await (await figure.$('svg'))!.screenshot();
          const pixels = await countPixels(counter, png, CHARTS[id]!.colour);
          expect({ id, inked: pixels.ink / pixels.total > 0.02, coloured: pixels.matching > 500 }).toEqual({ id, inked: true, coloured: true });
        }
      } finally {
        await counter.close();
      }
    });

    it('asks nothing of the network', () => {
      expect(requests.filter((url) => !/^(data|about):/.test(url))).toEqual([]);
    });

    it('saves a full-page screenshot', async () => {
      const file = join(out, `${report.id}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      process.stdout.write(`screenshot: ${file}\n`);
    });

    it('prints on A4: nothing wider than the page, no chart taller than a page, sections on their own pages', async () => {
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
      try {
        const layout = await inPage<PrintLayout>(page, PRINT_LAYOUT);
        expect(layout.width).toBeLessThanOrEqual(PRINT_WIDTH);
        for (const f of layout.figures) expect(f.breakInside).toBe('avoid');
        expect(Math.max(...layout.figures.map((f) => f.height))).toBeLessThan(PRINT_HEIGHT);
        expect(layout.sectionBreaks.slice(1).every((b) => b === 'page')).toBe(true);

        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        writeFileSync(join(out, `${report.id}.pdf`), pdf);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
        expect(pages.length).toBeGreaterThanOrEqual(layout.sectionBreaks.length);
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    });
  });
}
