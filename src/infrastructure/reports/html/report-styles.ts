// The page's only stylesheet, inlined. System fonts (nothing to download); A4 print with each section
// on its own page and no chart or table row cut across pages.
export const REPORT_CSS = `
:root { --ink: #222; --muted: #555; --rule: #d9d9d9; --band: #f4f6f8; --up: #0b6e4f; --down: #b3261e; --flat: #555; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
@media screen and (max-width: 720px) { .headlines { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
main { max-width: 940px; margin: 0 auto; padding: 32px 24px 64px; }
header h1 { font-size: 26px; margin: 0 0 4px; }
header .period { color: var(--muted); margin: 0; }
h2 { font-size: 20px; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 24px 0 8px; }
p.note, figcaption, .muted { color: var(--muted); font-size: 13px; }
.headlines { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin-top: 20px; }
.headline { border: 1px solid var(--rule); border-radius: 6px; padding: 12px 14px; background: var(--band); }
.headline .name { font-size: 13px; color: var(--muted); }
.headline .value { font-size: 28px; font-weight: 700; line-height: 1.2; }
.headline .compare { font-size: 13px; }
.change { font-weight: 600; white-space: nowrap; }
.change.better { color: var(--up); } .change.worse { color: var(--down); } .change.same, .change.unknown { color: var(--flat); }
figure.chart { margin: 16px 0 28px; break-inside: avoid; page-break-inside: avoid; }
figure.chart h3 { margin-top: 0; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart .empty { border: 1px dashed var(--rule); padding: 24px; text-align: center; color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; font-variant-numeric: tabular-nums; margin: 8px 0 20px; }
th, td { padding: 4px 5px; border-bottom: 1px solid var(--rule); text-align: right; }
td { white-space: nowrap; }
th { background: var(--band); font-weight: 600; vertical-align: bottom; line-height: 1.25; }
th.label, td.label, th.text, td.text { text-align: left; }
td.text { white-space: normal; min-width: 9em; overflow-wrap: break-word; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
dl.definitions dt { font-weight: 600; margin-top: 10px; }
dl.definitions dd { margin: 2px 0 0 0; }
pre.sql { background: var(--band); border: 1px solid var(--rule); padding: 10px; font: 12px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.params { font: 12px ui-monospace, Menlo, Consolas, monospace; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section.report-section + section.report-section { break-before: page; page-break-before: always; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .headline { padding: 8px 10px; }
  .headline .compare, .headline .name { font-size: 8pt; }
  .headline .value { font-size: 20px; }
  .table-wrap { overflow: visible; }
  table { font-size: 7pt; }
  th, td { padding: 2px 3px; }
  td.text { min-width: 6em; }
  pre.sql { break-inside: auto; font-size: 8pt; }
  .sql-figure { break-inside: avoid; page-break-inside: avoid; }
}
`;
