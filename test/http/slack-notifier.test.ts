import type { RunReport } from '../../src/application/pipeline/run-report.js';
import { SlackNotifier } from '../../src/infrastructure/http/slack-notifier.js';
import { gaps, type ScriptedServer, startServer } from './support/scripted-server.js';

const policy = { timeoutMs: 300, maxRetries: 2, baseDelayMs: 20, maxDelayMs: 5_000 };

const step = (name: RunReport['steps'][number]['step'], counts: Record<string, number>, errors: string[] = []) => ({
  step: name,
  status: 'ok' as const,
  durationMs: 5,
  counts,
  errors,
  notes: [],
});

const report: RunReport = {
  runId: 'run-42',
  now: '2025-03-01T08:00:00.000Z',
  startedAt: '2025-03-01T08:00:00.000Z',
  finishedAt: '2025-03-01T08:00:02.000Z',
  dryRun: false,
  status: 'succeeded',
  parameters: {},
  warnings: [],
  steps: [
    step('identify_cold_leads', { cold_leads: 17 }),
    step('start_nurturing_sequences', { sequences_started: 11 }),
    step('send_scheduled_emails', { sent: 9, failed: 2 }, ['HTTP 502: bad gateway']),
    step('update_engagement', { qualified: 3 }),
    step('auto_pause_inactive_sequences', { paused: 4 }),
  ],
};

interface Posted {
  text: string;
  blocks: Array<{ type: string; text?: { text: string }; fields?: Array<{ text: string }> }>;
}

describe('SlackNotifier', () => {
  let slack: ScriptedServer | undefined;
  afterEach(async () => {
    await slack?.close();
    slack = undefined;
  });
  const hook = () => `${slack!.url}/services/T000/B000/XXXX`;

  it("posts Block Kit with a header and the run's counts", async () => {
    slack = await startServer([{ body: 'ok' }]);
    await new SlackNotifier(hook(), policy).notifyRunSummary(report);
    const [request] = slack.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/services/T000/B000/XXXX' });
    expect(request!.headers['content-type']).toBe('application/json');
    const posted = JSON.parse(request!.body) as Posted;
    expect(posted.text).toBe('Lead nurturing run run-42: 11 started, 9 sent, 3 qualified');
    expect(posted.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    const fields = posted.blocks.flatMap((b) => b.fields ?? []).map((f) => f.text);
    expect(fields).toEqual([
      '*Cold leads found*\n17',
      '*Sequences started*\n11',
      '*Emails sent*\n9',
      '*Send failures*\n2',
      '*Leads qualified*\n3',
      '*Sequences paused*\n4',
    ]);
    expect(posted.blocks.some((b) => b.text?.text.includes('1 error(s)'))).toBe(true);
  });

  it('honours Retry-After on a 429, then succeeds', async () => {
    slack = await startServer([{ status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' }, { body: 'ok' }]);
    await new SlackNotifier(hook(), policy).notifyRunSummary(report);
    expect(slack.requests).toHaveLength(2);
    expect(gaps(slack.requests)[0]).toBeGreaterThanOrEqual(980);
  });

  it('fails on a 4xx naming the status, without retrying nor leaking the webhook URL', async () => {
    slack = await startServer([{ status: 404, body: 'no_service' }]);
    const error = await new SlackNotifier(hook(), policy).notifyRunSummary(report).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toBe('Slack answered HTTP 404: no_service');
    expect(error!.message).not.toContain('XXXX');
    expect(slack.requests).toHaveLength(1);
  });
});
