// The dashboard's two HTML pages: the sign-in form and the dashboard shell its script fills in.
// Inline CSS only; the scripts are served by the service itself (no CDN).
import { type DashboardLang, FUNNEL_KEYS, labelsFor } from './dashboard-labels.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.4 system-ui,sans-serif;color:#222;background:#f5f6f8}
header{display:flex;gap:1rem;align-items:center;justify-content:space-between;padding:.6rem 1rem;background:#0b3d5c;color:#fff}
header h1{font-size:1.1rem;margin:0}header form{margin:0}button{font:inherit;padding:.35rem .8rem;cursor:pointer}
#status{padding:.15rem .5rem;border-radius:1rem;background:#fff;color:#222;font-size:.85rem}
#status[data-state=live]{background:#c8f0d8}#status[data-state=behind]{background:#ffe7a8}#status[data-state=reconnecting]{background:#f7c0b5}
main{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:1rem;padding:1rem}
section{background:#fff;border-radius:6px;padding:.8rem 1rem;box-shadow:0 1px 2px #0002;min-width:0}
section.wide{grid-column:1/-1}h2{font-size:1rem;margin:0 0 .6rem}
.funnel{display:grid;grid-template-columns:repeat(auto-fill,minmax(110px,1fr));gap:.5rem;margin:0}
.funnel div{background:#eef3f7;border-radius:4px;padding:.4rem .6rem}.funnel dt{font-size:.8rem;color:#555}.funnel dd{margin:0;font-size:1.4rem;font-weight:600}
#chart,.chart{width:100%;height:280px}.note{color:#555;font-size:.8rem;margin:.4rem 0 0}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}section{position:relative}
td.overdue{color:#a33}table.list td{overflow-wrap:normal}table.list td.wrap{overflow-wrap:anywhere}table{width:100%;border-collapse:collapse;font-size:.85rem}th,td{text-align:left;padding:.25rem .4rem;border-bottom:1px solid #e3e3e3;vertical-align:top;overflow-wrap:anywhere}
td.num{text-align:right}#runs td:not(.steps){white-space:nowrap;overflow-wrap:normal}.steps{color:#555;font-size:.8rem}
@media (max-width:700px){main{grid-template-columns:1fr;padding:.5rem}header{flex-wrap:wrap}}
form.sign-in{max-width:24rem;margin:3rem auto;background:#fff;padding:1.2rem;border-radius:6px;display:grid;gap:.6rem}
form.sign-in input{font:inherit;padding:.4rem}.error{color:#a00}`;

const head = (lang: DashboardLang, title: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`;

export function signInPage(lang: DashboardLang, error: boolean): string {
  const l = labelsFor(lang);
  return `${head(lang, l.signInTitle)}<body><form class="sign-in" method="post" action="/dashboard/sign-in?lang=${lang}">
<h1>${escapeHtml(l.signInTitle)}</h1>${error ? `<p class="error" role="alert" data-testid="sign-in-error">${escapeHtml(l.wrongKey)}</p>` : ''}
<label for="api_key">${escapeHtml(l.apiKey)}</label><input id="api_key" name="api_key" type="password" autocomplete="current-password" required>
<button type="submit">${escapeHtml(l.signIn)}</button></form></body></html>`;
}

const section = (id: string, title: string, body: string, wide = false) =>
  `<section${wide ? ' class="wide"' : ''} aria-labelledby="h-${id}"><h2 id="h-${id}">${escapeHtml(title)}</h2>${body}</section>`;

const table = (id: string, headers: string[], extra = '') =>
  `<table${extra}><thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody id="${id}" data-testid="${id}"></tbody></table>`;

/** A chart drawn by the script, its figures also in a table for screen readers, and a note. */
const rankingChart = (id: string, aria: string, headers: string[]) =>
  `<div id="chart-${id}" class="chart" role="img" aria-label="${escapeHtml(aria)}" hidden></div>
<div class="sr-only">${table(`${id}-table`, headers)}</div><p id="${id}-note" class="note" data-testid="${id}-note"></p>`;

export function dashboardPage(lang: DashboardLang): string {
  const l = labelsFor(lang);
  const words = {
    live: l.live, behind: l.behind, reconnecting: l.reconnecting, overdue: l.overdue, notPlanned: l.notPlanned, noDue: l.noDue,
    templatesNote: l.templatesNote, stepsNote: l.stepsNote, rankingsPending: l.rankingsPending, noTemplates: l.noTemplates, noSteps: l.noSteps, tooFew: l.tooFew,
    step: l.step, dryRun: l.dryRun, slowest: l.slowest, noneYet: l.noneYet,
  };
  const funnel = FUNNEL_KEYS.map((k) => `<div><dt>${escapeHtml(l[k])}</dt><dd data-testid="funnel-${k}">–</dd></div>`).join('');
  const counts = (items: [string, string][]) =>
    `<dl class="funnel">${items.map(([label, id]) => `<div><dt>${escapeHtml(label)}</dt><dd data-testid="${id}">–</dd></div>`).join('')}</dl>`;
  return `${head(lang, l.title)}<body data-words="${escapeHtml(JSON.stringify(words))}">
<header><h1>${escapeHtml(l.title)}</h1><span id="status" data-testid="live-status" role="status" aria-live="polite">…</span>
<form method="post" action="/dashboard/sign-out"><button type="submit" data-testid="sign-out">${escapeHtml(l.signOut)}</button></form></header>
<main>
${section('funnel', l.funnel, `<dl class="funnel">${funnel}<div><dt>${escapeHtml(l.active)}</dt><dd data-testid="active">–</dd></div></dl>`, true)}
${section('days', l.days, `<div id="chart" role="img" aria-label="${escapeHtml(l.daysAria)}"></div><p id="chart-empty" data-testid="chart-empty" hidden>${escapeHtml(l.noDays)}</p>`, true)}
${section('templates', l.topTemplates, rankingChart('templates', l.templatesAria, [l.template, `${l.conversion} (${l.qualifiedOfStarted})`]))}
${section('steps', l.topSteps, rankingChart('steps', l.stepsAria, [l.step, `${l.replyRate} (${l.repliedOfSent})`]))}
${section('due', l.due, table('due', [l.dueAt, l.lead, l.template, l.step]))}
${section('runs', l.runs, table('runs', [l.run, l.status, l.stepTimings]))}
${section('suppressions', l.suppressions, `${counts([[l.inTotal, 'suppressions']])}${table('latest-suppressions', [l.when, l.address, l.reason, l.source], ' class="list"')}`)}
${section('unmatched', l.unmatched, `${counts([[l.inTotal, 'unmatched']])}${table('latest-unmatched', [l.when, l.source, l.event, l.reason], ' class="list"')}`)}
${section('feed', l.feed, table('feed', ['#', l.type, l.sequence, l.time]), true)}
</main>
<script src="/dashboard/assets/echarts.min.js"></script><script src="/dashboard/assets/dashboard.js"></script></body></html>`;
}
