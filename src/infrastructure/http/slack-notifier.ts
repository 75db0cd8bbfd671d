// Posts the run summary to a Slack incoming webhook as Block Kit blocks.
import type { Notifier } from '../../application/ports/notifier.js';
import { type RunReport, stepCount } from '../../application/pipeline/run-report.js';
import { type RetryPolicy, requestWithRetry, snippet } from './request-with-retry.js';

export class SlackNotifier implements Notifier {
  constructor(
    private readonly webhookUrl: string,
    private readonly policy: RetryPolicy,
  ) {}

  async notifyRunSummary(report: RunReport): Promise<void> {
    const result = await requestWithRetry(
      this.webhookUrl,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(slackMessage(report)) },
      this.policy,
    );
    if (result.status < 200 || result.status >= 300) throw new Error(`Slack answered HTTP ${result.status}: ${snippet(result.body)}`);
  }
}

export function slackMessage(report: RunReport): { text: string; blocks: unknown[] } {
  const n = (step: Parameters<typeof stepCount>[1], name: string) => stepCount(report, step, name);
  const errors = report.steps.reduce((sum, s) => sum + s.errors.length, 0);
  const text = `Lead nurturing run ${report.runId}: ${n('start_nurturing_sequences', 'sequences_started')} started, ${n('send_scheduled_emails', 'sent')} sent, ${n('update_engagement', 'qualified')} qualified`;
  const field = (label: string, value: string | number) => ({ type: 'mrkdwn', text: `*${label}*\n${value}` });
  return {
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `Lead nurturing${report.dryRun ? ' (dry run)' : ''}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Run \`${report.runId}\` as of ${report.now}` }] },
      {
        type: 'section',
        fields: [
          field('Cold leads found', n('identify_cold_leads', 'cold_leads')),
          field('Sequences started', n('start_nurturing_sequences', 'sequences_started')),
          field('Emails sent', report.dryRun ? `${n('send_scheduled_emails', 'dry_run')} (dry run)` : n('send_scheduled_emails', 'sent')),
          field('Send failures', n('send_scheduled_emails', 'failed')),
          field('Leads qualified', n('update_engagement', 'qualified')),
          field('Sequences paused', n('auto_pause_inactive_sequences', 'paused')),
        ],
      },
      ...(errors > 0 ? [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${errors} error(s); see the run report.` } }] : []),
    ],
  };
}
