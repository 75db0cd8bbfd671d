// Posts a report's summary to a Slack incoming webhook as Block Kit blocks: the period, the four
// headline figures each beside its change, the top template, and a link to the HTML.
import type { ReportNotifier } from '../../application/ports/report-notifier.js';
import type { Headline, Report } from '../../application/reports/report.js';
import { type RetryPolicy, requestWithRetry, snippet } from './request-with-retry.js';

export class SlackReportNotifier implements ReportNotifier {
  constructor(
    private readonly webhookUrl: string,
    private readonly policy: RetryPolicy,
  ) {}

  async notifyReport(report: Report, htmlUrl: string | null): Promise<void> {
    const result = await requestWithRetry(
      this.webhookUrl,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(slackReportMessage(report, htmlUrl)) },
      this.policy,
    );
    if (result.status < 200 || result.status >= 300) throw new Error(`Slack answered HTTP ${result.status}: ${snippet(result.body)}`);
  }
}

const LABELS: Record<Headline['name'], string> = {
  leads_qualified: 'Leads qualified',
  conversion_rate_pct: 'Conversion rate',
  reply_rate_pct: 'Reply rate',
  avg_days_to_qualify: 'Avg. days to qualify',
};

/** Slack mrkdwn's three control characters (https://api.slack.com/reference/surfaces/formatting#escaping). */
export const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const figure = (name: Headline['name'], value: number | null): string => {
  if (value === null) return '—';
  if (name === 'leads_qualified') return String(value);
  if (name === 'avg_days_to_qualify') return `${value.toFixed(1)} d`;
  return `${value.toFixed(2)} %`;
};

const change = (h: Headline): string => {
  if (h.change === null) return 'no comparison';
  const sign = h.change > 0 ? '+' : h.change < 0 ? '−' : '±';
  const size = Math.abs(h.change);
  const amount = h.name === 'leads_qualified' ? String(size) : h.name === 'avg_days_to_qualify' ? `${size.toFixed(1)} d` : `${size.toFixed(2)} pp`;
  return `${sign}${amount} vs ${figure(h.name, h.previous)}`;
};

export function slackReportMessage(report: Report, htmlUrl: string | null): { text: string; blocks: unknown[] } {
  const { period } = report;
  const kind = period.kind === 'weekly' ? 'Weekly' : 'Monthly';
  const last = new Date(Date.parse(period.end) - 86_400_000).toISOString().slice(0, 10);
  const range = `${period.start.slice(0, 10)} – ${last} (UTC)`;
  const byName = new Map(report.summary.headlines.map((h) => [h.name, h]));
  const text = `${kind} lead nurturing report ${period.label}: ${figure('leads_qualified', byName.get('leads_qualified')?.value ?? null)} leads qualified, conversion ${figure('conversion_rate_pct', byName.get('conversion_rate_pct')?.value ?? null)}`;
  const top = report.top_templates[0];
  return {
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `${kind} lead nurturing report ${period.label}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Sequences started ${range}, compared with the ${period.kind === 'weekly' ? 'week' : 'month'} before` }] },
      {
        type: 'section',
        fields: report.summary.headlines.map((h) => ({ type: 'mrkdwn', text: `*${LABELS[h.name]}*\n${figure(h.name, h.value)} (${change(h)})` })),
      },
      ...(top ? [{ type: 'section', text: { type: 'mrkdwn', text: `*Top template:* ${escapeMrkdwn(top.sequence_name)} (${top.conversion_rate_pct.toFixed(2)} % of ${top.total_sequences_started})` } }] : []),
      ...(htmlUrl
        ? [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open the report' }, url: htmlUrl }] }]
        : [{ type: 'context', elements: [{ type: 'mrkdwn', text: `NURTURE_PUBLIC_URL is not set: the report is at /reports/${escapeMrkdwn(report.id)}/html on the service` }] }]),
    ],
  };
}
