// `nurture run` parameters from flags, environment and a config file; invalid ones are refused
// before anything runs, naming the parameter.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmailSink } from '../support/email-sink.js';
import { runCli, tempDir } from '../support/cli.js';
import { createTestDatabase, isEmbedded, type TestDatabase } from '../support/test-database.js';

describe('nurture run', () => {
  let server: TestDatabase | undefined;
  let dir = '';
  let env: NodeJS.ProcessEnv;
  const sink = new EmailSink();

  beforeAll(async () => {
    dir = tempDir('nurture-run-');
    await sink.start();
    if (isEmbedded) env = { NURTURE_DATA_DIR: join(dir, 'data') };
    else {
      server = await createTestDatabase({ migrate: false });
      env = { DATABASE_URL: server.url };
    }
  });
  afterAll(async () => {
    await sink.stop();
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [['run', '--max-leads-per-run', 'lots', '--dry-run'], /invalid parameter max_leads_per_run: must be an integer, got "lots"/],
    [['run'], /invalid parameter email_webhook_url: is required unless dry_run is true/],
    [['run', '--email-webhook-url', 'mailto:x'], /invalid parameter email_webhook_url: must be an http\(s\) URL/],
    [['run', '--dry-run', 'perhaps'], /invalid parameter dry_run: must be true or false/],
    [['run', '--dry-run', '--now', 'yesterday'], /--now must be an ISO-8601 instant/],
  ])('refuses %j with exit code 2 and one line naming the problem', async (args, message) => {
    const result = await runCli(args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses an unknown key or a bad value in the config file, naming it', async () => {
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ dry_run: true, max_leads_per_rum: 3 }));
    const result = await runCli(['run', '--config', config], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid parameter max_leads_per_rum: unknown parameter/);
  });

  it('changes nothing when it refuses to run', async () => {
    await runCli(['run', '--max-leads-per-run', 'x'], env);
    const migrate = await runCli(['migrate'], env);
    expect(migrate.stdout).toMatch(/^applied /); // the refused run did not even create the schema
  });

  it('runs with parameters from the environment, a config file and flags (flags win), as of --now, printing JSON', async () => {
    const config = join(dir, 'ok.json');
    writeFileSync(config, JSON.stringify({ max_leads_per_run: 1, email_from: 'config@example.com' }));
    const result = await runCli(['run', '--config', config, '--now', '2026-06-01T12:00:00Z', '--email-from', 'flag@example.com', '--json'], {
      ...env,
      NURTURE_EMAIL_WEBHOOK_URL: sink.url,
      NURTURE_MAX_LEADS_PER_RUN: '2',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ now: '2026-06-01T12:00:00.000Z', status: 'succeeded', dryRun: false });
    expect(report.parameters).toMatchObject({ max_leads_per_run: 2, email_from: 'flag@example.com', email_webhook_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/…$/) });
    expect(report.steps.map((s: { step: string }) => s.step)).toEqual([
      'ensure_schema', 'identify_cold_leads', 'get_or_create_sequence_template', 'start_nurturing_sequences',
      'send_scheduled_emails', 'update_engagement', 'auto_pause_inactive_sequences', 'refresh_conversion_metrics', 'notify_summary',
    ]);
  });

  it('prints each step with its counts and duration as it goes', async () => {
    const result = await runCli(['run', '--dry-run'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/✓ identify_cold_leads\s+\d+ ms {2}cold_leads=0/);
    expect(result.stdout).toMatch(/^run run_\w+ succeeded in [\d.]+ s \(as of .*, dry run\)/);
  });
});
