// TEMPORARY: replaced by the real renderer at merge
import type { Report } from '../../../application/reports/report.js';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function renderReportHtml(report: Report): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(report.id)}</title></head>` +
    `<body><h1>${escapeHtml(report.id)}</h1><pre>${escapeHtml(JSON.stringify(report, null, 2))}</pre></body></html>\n`;
}
