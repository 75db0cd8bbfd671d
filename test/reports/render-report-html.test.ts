// The report's HTML page: self-contained (nothing to run, nothing to fetch), every text escaped, one
// chart per figure, every figure of the report on it, and a week with nothing in it reads sensibly.
import type { Report } from '../../src/application/reports/report.js';
import { renderReportHtml } from '../../src/infrastructure/reports/html/render-report-html.js';
import { chartFigures, fetchableReferences, XSS_NAME } from './support/report-html-parts.js';
import { emptyReport, monthlyReport, previousLabelOf, weeklyReport } from './support/report-fixtures.js';

const WEEKLY_CHARTS = ['funnel', 'rates', 'daily', 'top-templates', 'top-steps'];
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe.each([
  ['weekly', weeklyReport, WEEKLY_CHARTS],
  ['monthly', monthlyReport, [...WEEKLY_CHARTS, 'trends']],
  ['empty', emptyReport, WEEKLY_CHARTS],
] as [string, Report, string[]][])('the %s report page', (_name, report, charts) => {
  const html = renderReportHtml(report);

  it('runs nothing and fetches nothing: no script, no link, no http(s) reference', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|image|use)\b/i);
    expect(html).not.toMatch(/@import|@font-face/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handler
    for (const ref of fetchableReferences(html)) expect(ref).not.toMatch(/^\s*(https?:)?\/\//i);
  });

  it('never writes NaN or undefined', () => {
    expect(html).not.toMatch(/NaN|undefined|Infinity|\[object /);
  });

  it('has one figure per chart, in order, each with exactly one <svg> or a note', () => {
    const figures = chartFigures(html);
    expect(figures.map((f) => f.id)).toEqual(charts);
    const svgs = figures.map((f) => (f.html.match(/<svg\b/g) ?? []).length);
    expect(svgs.every((n) => n <= 1)).toBe(true);
    expect((html.match(/<svg\b/g) ?? []).length).toBe(svgs.reduce((a, b) => a + b, 0));
  });

  it('names the period, its days and the previous period', () => {
    expect(html).toContain(`<h1>${report.period.kind === 'weekly' ? 'Weekly' : 'Monthly'} report ${report.period.label}</h1>`);
    expect(html).toContain(`compared with ${previousLabelOf(report)}`);
  });

  it('prints every definition and the SQL of every figure with its parameters', () => {
    for (const d of report.definitions) expect(html).toContain(escaped(d.text));
    for (const q of report.sql) {
      expect(html).toContain(escaped(q.sql.trim()));
      expect(html).toContain(escaped(q.params.map((p, i) => `$${i + 1} = ${JSON.stringify(p)}`).join(', ')));
    }
  });
});

describe('the figures on the page', () => {
  const html = renderReportHtml(weeklyReport);

  it('draws every chart of a report with data', () => {
    for (const f of chartFigures(html)) expect({ id: f.id, svgs: (f.html.match(/<svg\b/g) ?? []).length }).toEqual({ id: f.id, svgs: 1 });
    expect((html.match(/<svg\b/g) ?? []).length).toBe(5);
    expect((renderReportHtml(monthlyReport).match(/<svg\b/g) ?? []).length).toBe(6);
  });

  it('shows each headline with the previous figure and the change, in words as well as colour', () => {
    const card = (name: string) => html.match(new RegExp(`<div class="headline" data-headline="${name}">([\\s\\S]*?)\\n</div>`))![1]!;
    // 255 started, 32 qualified this week; 231 and 27 the week before (the fixture's counts).
    expect(card('leads_qualified')).toMatch(/<div class="value">32<\/div>[\s\S]*previous \(2026-W47\): 27[\s\S]*▲ \+5 better/);
    expect(card('conversion_rate_pct')).toMatch(/12\.55 %[\s\S]*11\.69 %[\s\S]*▲ \+0\.86 pp better/);
    // Fewer days to qualify is an improvement: the arrow points down and says better.
    expect(card('avg_days_to_qualify')).toMatch(/4\.0 d[\s\S]*4\.6 d[\s\S]*▼ −0\.6 d better/);
  });

  it('says worse when a rate falls', () => {
    const headlines = weeklyReport.summary.headlines.map((h) => (h.name === 'reply_rate_pct' ? { ...h, value: 6, previous: 7.66, change: -1.66 } : h));
    const page = renderReportHtml({ ...weeklyReport, summary: { ...weeklyReport.summary, headlines } });
    expect(page).toMatch(/data-headline="reply_rate_pct">[\s\S]*?class="change worse">▼ −1\.66 pp worse/);
  });

  it('lists every day, every ranked template and step and the steps too few to rank, in the report’s order', () => {
    for (const d of weeklyReport.daily) expect(html).toContain(`<td class="label">${d.date}</td>`);
    const names = [...html.matchAll(/<td class="text">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(names).toEqual([
      ...weeklyReport.top_templates.map((t) => escaped(t.sequence_name)),
      ...weeklyReport.top_steps.map((s) => escaped(s.sequence_name)),
      ...weeklyReport.steps_too_few_sends.map((s) => escaped(s.sequence_name)),
    ]);
    expect(html).toContain('Too few sends to rank (fewer than 20)');
  });

  it('marks opens as never ranking, in the funnel and the tables', () => {
    const funnel = chartFigures(html).find((f) => f.id === 'funnel')!.html;
    expect(funnel).toContain('Opened (never ranks)');
    expect(html).toContain('† Opens are shown but never rank anything');
  });
});

describe('a template named like markup', () => {
  const renamed = (r: Report): Report => ({
    ...r,
    top_templates: r.top_templates.map((t, i) => (i === 0 ? { ...t, sequence_name: XSS_NAME } : t)),
    top_steps: r.top_steps.map((s, i) => (i === 0 ? { ...s, sequence_name: XSS_NAME } : s)),
    steps_too_few_sends: r.steps_too_few_sends.map((s) => ({ ...s, sequence_name: XSS_NAME })),
    definitions: [...r.definitions, { name: XSS_NAME, text: `see ${XSS_NAME}` }],
    sql: [...r.sql, { figure: XSS_NAME, sql: `SELECT '${XSS_NAME}' WHERE $1 = $1`, params: [XSS_NAME] }],
  });

  it.each([['weekly', weeklyReport], ['monthly', monthlyReport]] as [string, Report][])('is escaped everywhere on the %s page, charts included', (_n, report) => {
    const html = renderReportHtml(renamed(report));
    expect(html).not.toContain(XSS_NAME);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The charts carry the name too (as SVG text), escaped by the chart library.
    const ranked = chartFigures(html).filter((f) => f.id === 'top-templates' || f.id === 'top-steps');
    for (const f of ranked) expect(f.html).toMatch(/&lt;img/);
  });
});

describe('a period in which no sequence started', () => {
  const html = renderReportHtml(emptyReport);

  it('says so instead of drawing empty charts', () => {
    expect(html).toContain('No sequences started in this period');
    const figures = Object.fromEntries(chartFigures(html).map((f) => [f.id, f.html]));
    for (const id of ['funnel', 'rates', 'top-templates', 'top-steps']) expect(figures[id]).not.toContain('<svg');
    expect(figures['funnel']).toContain('No sequences started in this period');
    expect(figures['top-templates']).toContain('No template started a sequence in this period.');
    expect(figures['top-steps']).toContain('No step had 20 or more emails sent in this period');
    // The seven days are still there, all zero.
    expect(figures['daily']).toContain('<svg');
    expect([...html.matchAll(/<td class="label">2026-01-0\d|<td class="label">2025-12-(29|30|31)/g)]).toHaveLength(7);
  });

  it('writes figures with no value as a dash, and a change it cannot compute as "no comparison"', () => {
    expect(html).toMatch(/data-headline="avg_days_to_qualify">[\s\S]*?<div class="value">—<\/div>[\s\S]*?no comparison/);
    expect(html).toMatch(/data-headline="leads_qualified">[\s\S]*?<div class="value">0<\/div>[\s\S]*?±0 unchanged/);
  });
});
