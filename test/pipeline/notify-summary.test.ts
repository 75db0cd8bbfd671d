// notify_summary posts the run's Block Kit summary to slack_webhook_url, and a Slack failure is
// reported in the step without failing the sends before it.
import { NurturingRunner } from '../../src/application/pipeline/nurturing-runner.js';
import { validateRunParameters } from '../../src/application/pipeline/run-parameters.js';
import { createPipelineDeps } from '../../src/infrastructure/pipeline/create-pipeline-deps.js';
import { startServer } from '../http/support/scripted-server.js';
import { insertLeads } from '../support/leads.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('notify_summary', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await insertLeads(t.db.pool, [{ ext_id: 'lead_1', email: 'one@example.com', score: 10, priority: null, created_at: '2026-06-01T00:00:00Z' }]);
  });
  afterAll(() => t.drop());

  it('posts a Block Kit summary with the run\'s counts; a 429 with Retry-After is waited out', async () => {
    const slack = await startServer([{ status: 429, headers: { 'retry-after': '1' } }, { status: 200, body: 'ok' }]);
    try {
      const params = validateRunParameters({ dry_run: true, slack_webhook_url: `${slack.url}/services/T000/B000/XXXX` });
      const report = await new NurturingRunner(createPipelineDeps(t.db)).run({ params, now: '2026-06-02T09:00:00.000Z' });
      expect(report.steps.find((s) => s.step === 'notify_summary')).toMatchObject({ status: 'ok', counts: { notified: 1 } });
      expect(slack.requests).toHaveLength(2);
      expect(slack.requests[1]!.at - slack.requests[0]!.at).toBeGreaterThanOrEqual(950);
      const message = JSON.parse(slack.requests[1]!.body);
      expect(message.text).toMatch(/Lead nurturing run run_\w+: 1 started, 0 sent, 0 qualified/);
      expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Lead nurturing (dry run)' } });
      expect(JSON.stringify(message.blocks)).toContain('*Sequences started*\\n1');
    } finally {
      await slack.close();
    }
  });

  it('records a Slack failure as the step\'s error; the run says failed and everything before stands', async () => {
    const slack = await startServer([{ status: 404, body: 'no_service' }]);
    try {
      const params = validateRunParameters({ dry_run: true, slack_webhook_url: `${slack.url}/services/T000/B000/XXXX` });
      const report = await new NurturingRunner(createPipelineDeps(t.db)).run({ params, now: '2026-06-09T09:00:00.000Z' });
      const notify = report.steps.find((s) => s.step === 'notify_summary')!;
      expect(notify.status).toBe('failed');
      expect(notify.errors[0]).toMatch(/Slack answered HTTP 404/);
      expect(notify.errors[0]).not.toContain('XXXX');
      expect(report.status).toBe('failed');
      expect(report.steps.find((s) => s.step === 'send_scheduled_emails')!.status).toBe('ok');
    } finally {
      await slack.close();
    }
  });
});
