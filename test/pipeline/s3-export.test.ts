// export_metrics_to_s3: each real run uploads its performance report in the specification's
// envelope to a real S3-compatible server (s3rver on localhost), one object per run; a failing
// endpoint fails the export step after its retries, and the run report is stored all the same.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { NurturingRunner } from '../../src/application/pipeline/nurturing-runner.js';
import { validateRunParameters } from '../../src/application/pipeline/run-parameters.js';
import { PIPELINE_STEPS } from '../../src/application/pipeline/run-report.js';
import { createPipelineDeps } from '../../src/infrastructure/pipeline/create-pipeline-deps.js';
import { closedPortUrl, startServer } from '../http/support/scripted-server.js';
import { EmailSink } from '../support/email-sink.js';
import { insertLeads } from '../support/leads.js';
import { startS3Server, type S3TestServer } from '../support/s3-server.js';
import { runCli, tempDir } from '../support/cli.js';
import { createTestDatabase, isEmbedded, type TestDatabase } from '../support/test-database.js';

const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString();

describe('export_metrics_to_s3', () => {
  let t: TestDatabase;
  let s3: S3TestServer;
  const sink = new EmailSink();
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    t = await createTestDatabase();
    s3 = await startS3Server();
    await sink.start();
    Object.assign(process.env, s3.env);
  });
  afterAll(async () => {
    process.env = savedEnv;
    await sink.stop();
    await s3.close();
    await t.drop();
  });

  const storedRun = async (runId: string) =>
    (await t.db.pool.query<{ status: string; steps: { step: string; status: string; errors: string[] }[] }>('SELECT status, steps FROM lead_nurturing_runs WHERE run_id = $1', [runId])).rows[0];

  it('uploads one object per run, in the envelope, under {s3_path}/runs/YYYY/MM/DD/{run_id}.json', async () => {
    await insertLeads(t.db.pool, [
      { ext_id: 'lead_s3_1', email: 's3-one@example.com', score: 10, priority: null, created_at: daysAgo(2) },
      { ext_id: 'lead_s3_2', email: 's3-two@example.com', score: 20, priority: 'low', created_at: daysAgo(2) },
    ]);
    const params = validateRunParameters({ email_webhook_url: sink.url, export_metrics_to_s3: true, s3_bucket: s3.bucket, s3_path: '/lead_nurturing/metrics/' });
    const runner = new NurturingRunner(createPipelineDeps(t.db));
    const first = await runner.run({ params });
    const second = await runner.run({ params });

    for (const report of [first, second]) {
      expect(report.status).toBe('succeeded');
      expect(report.steps.map((s) => s.step)).toEqual([...PIPELINE_STEPS, 'export_metrics_to_s3']);
    }
    const keys = await s3.keys('lead_nurturing/metrics/');
    expect(keys).toHaveLength(2);
    const object = await s3.read(keys.find((k) => k.endsWith(`/${first.runId}.json`))!);
    const envelope = JSON.parse(object.body);
    const day = envelope.timestamp.slice(0, 10).replace(/-/g, '/');
    expect(keys).toContain(`lead_nurturing/metrics/runs/${day}/${first.runId}.json`);
    expect(object.contentType).toBe('application/json');
    expect(Object.keys(envelope).sort()).toEqual(['export_version', 'performance_report', 'run_id', 'timestamp']);
    expect(envelope).toMatchObject({ run_id: first.runId, export_version: '1.0' });
    expect(Date.parse(envelope.timestamp)).toBeGreaterThanOrEqual(Date.parse(first.startedAt));
    const performance = envelope.performance_report;
    expect(performance).toMatchObject({ run_id: first.runId, status: 'succeeded', now: first.now, dry_run: false });
    expect(performance.steps.map((s: { step: string }) => s.step)).toEqual(PIPELINE_STEPS);
    expect(performance.steps.find((s: { step: string }) => s.step === 'start_nurturing_sequences').counts).toEqual({ sequences_started: 2 });
    expect(performance.steps.find((s: { step: string }) => s.step === 'send_scheduled_emails').counts).toMatchObject({ sent: 2 });
    // The two sequences started two days ago: in both windows, nobody qualified yet, one email each sent.
    const cohort = { total_sequences_started: 2, leads_qualified: 0, conversion_rate_pct: 0, emails_sent: 2 };
    expect(performance.conversion_metrics.last_7_days).toMatchObject(cohort);
    expect(performance.conversion_metrics.last_30_days).toMatchObject(cohort);
    expect(performance.conversion_metrics.last_7_days.to).toBe(first.now.slice(0, 10));

    const exportStep = first.steps.at(-1)!;
    expect(exportStep).toMatchObject({ status: 'ok', counts: { uploaded: 1 } });
    expect(exportStep.notes).toEqual([`s3://${s3.bucket}/lead_nurturing/metrics/runs/${day}/${first.runId}.json`]);
    expect((await storedRun(first.runId))!.steps.at(-1)).toMatchObject({ step: 'export_metrics_to_s3', status: 'ok' });
  });

  it('a dry run uploads nothing (the step says so)', async () => {
    const before = await s3.keys();
    const params = validateRunParameters({ dry_run: true, export_metrics_to_s3: true, s3_bucket: s3.bucket });
    const report = await new NurturingRunner(createPipelineDeps(t.db)).run({ params });
    expect(report.steps.at(-1)).toMatchObject({ step: 'export_metrics_to_s3', status: 'skipped', notes: ['dry run: nothing uploaded'] });
    expect(report.status).toBe('succeeded');
    expect(await s3.keys()).toEqual(before);
  });

  it.each([
    ['answers 500', async () => {
      const failing = await startServer([{ status: 500, body: '<Error><Code>InternalError</Code><Message>boom</Message></Error>' }]);
      return { url: failing.url, requests: () => failing.requests.length, close: () => failing.close() };
    }],
    ['refuses connections', async () => ({ url: await closedPortUrl(), requests: () => null, close: async () => {} })],
  ])('an endpoint that %s fails the export step after its retries; the run report is stored', async (_, start) => {
    const failing = await start();
    process.env.AWS_ENDPOINT_URL_S3 = failing.url;
    try {
      const params = validateRunParameters({ dry_run: false, email_webhook_url: sink.url, export_metrics_to_s3: true, s3_bucket: 'nurture-exports', max_retry_attempts: 2, request_timeout: 5 });
      const report = await new NurturingRunner(createPipelineDeps(t.db)).run({ params });
      const step = report.steps.at(-1)!;
      expect(step).toMatchObject({ step: 'export_metrics_to_s3', status: 'failed' });
      expect(step.errors[0]).toMatch(new RegExp(`^S3 upload to s3://nurture-exports/lead_nurturing/metrics/runs/\\d{4}/\\d{2}/\\d{2}/${report.runId}\\.json failed \\(3 attempts\\)`));
      expect(step.errors[0]).not.toContain(s3.env.AWS_SECRET_ACCESS_KEY);
      if (failing.requests() !== null) expect(failing.requests()).toBe(3);
      expect(report.status).toBe('failed');
      expect(report.steps.filter((s) => s.step !== 'export_metrics_to_s3').every((s) => s.status === 'ok')).toBe(true);
      const stored = await storedRun(report.runId);
      expect(stored!.status).toBe('failed');
      expect(stored!.steps.map((s) => s.step)).toEqual([...PIPELINE_STEPS, 'export_metrics_to_s3']);
      expect(stored!.steps.at(-1)!.errors[0]).toBe(step.errors[0]);
    } finally {
      process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
      await failing.close();
    }
  });
});

describe('nurture run --export-metrics-to-s3', () => {
  let server: TestDatabase | undefined;
  let dir = '';
  let env: NodeJS.ProcessEnv;
  const sink = new EmailSink();

  beforeAll(async () => {
    dir = tempDir('nurture-s3-run-');
    await sink.start();
    if (isEmbedded) env = { NURTURE_DATA_DIR: join(dir, 'data') };
    else {
      server = await createTestDatabase();
      env = { DATABASE_URL: server.url };
    }
  });
  afterAll(async () => {
    await sink.stop();
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the export without s3_bucket, exit code 2 naming it', async () => {
    const result = await runCli(['run', '--dry-run', '--export-metrics-to-s3'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid parameter s3_bucket: is required when export_metrics_to_s3 is true/);
  });

  it('exits 1 when the upload fails, with the run report stored', async () => {
    const s3Env = { AWS_ENDPOINT_URL_S3: await closedPortUrl(), AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };
    const result = await runCli(['run', '--json', '--email-webhook-url', sink.url, '--export-metrics-to-s3', '--s3-bucket', 'nurture-exports', '--max-retry-attempts', '1'], { ...env, ...s3Env });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.steps.at(-1)).toMatchObject({ step: 'export_metrics_to_s3', status: 'failed' });
    expect(report.steps.at(-1).errors[0]).toMatch(/^S3 upload to s3:\/\/nurture-exports\/.* failed \(2 attempts\): .*ECONNREFUSED/);
    if (server) {
      const { rows } = await server.db.pool.query('SELECT status, steps FROM lead_nurturing_runs WHERE run_id = $1', [report.runId]);
      expect(rows[0]).toMatchObject({ status: 'failed' });
      expect(rows[0].steps.at(-1)).toMatchObject({ step: 'export_metrics_to_s3', status: 'failed' });
    }
  });
});
