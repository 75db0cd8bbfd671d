// `nurture report weekly|monthly` as a process, on a fresh database holding the hand-built dataset
// (the server's, or an embedded one on disk).
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openEmbeddedDatabase } from '../../src/infrastructure/database/embedded-database.js';
import { runMigrations } from '../../src/infrastructure/database/migrate.js';
import { createTestDatabase, isEmbedded, type TestDatabase } from '../support/test-database.js';
import { runCli, tempDir } from '../support/cli.js';
import { insertReportDataset } from './support/report-dataset.js';

describe(`nurture report (${isEmbedded ? 'embedded database on disk' : 'PostgreSQL server'})`, () => {
  let server: TestDatabase | undefined;
  let dataDir = '';
  let env: NodeJS.ProcessEnv;
  const out = tempDir('nurture-report-out-');

  beforeAll(async () => {
    if (isEmbedded) {
      dataDir = tempDir('nurture-report-');
      const db = await openEmbeddedDatabase({ dataDir: join(dataDir, 'pgdata') });
      await runMigrations(db);
      await insertReportDataset(db.pool);
      await db.close();
      env = { NURTURE_DATA_DIR: dataDir };
    } else {
      server = await createTestDatabase();
      await insertReportDataset(server.db.pool);
      env = { DATABASE_URL: server.url };
    }
  });
  afterAll(async () => {
    await server?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('weekly: writes the daily CSV, the JSON and the HTML into --out and prints their paths', async () => {
    const dir = join(out, 'weekly');
    const res = await runCli(['report', 'weekly', '--period', '2026-W10', '--out', dir, '--min-sends', '2'], env);
    expect(res.code).toBe(0);
    const names = ['weekly-2026-W10.csv', 'weekly-2026-W10.json', 'weekly-2026-W10.html'];
    expect(res.stdout).toBe(names.map((n) => join(dir, n)).join('\n') + '\n');
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    expect(res.stderr).toMatch(/report weekly-2026-W10: stored; 3 files written/);

    const csv = readFileSync(join(dir, 'weekly-2026-W10.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('date,total_sequences_started,leads_qualified,conversion_rate_pct,emails_sent,open_rate_pct,click_rate_pct,reply_rate_pct,avg_days_to_qualify,emails_delivered,emails_bounced,emails_opened,emails_clicked,emails_replied');
    // Monday: sequences 1 and 2, emails 1/1, 1/2, 2/1 sent (3 delivered), 1/3 bounced (see report-figures.test.ts).
    expect(csv[1]).toBe('2026-03-02,2,1,50,3,66.67,33.33,33.33,2,3,1,2,1,1');
    expect(csv[2]).toBe('2026-03-03,0,0,0,0,0,0,0,,0,0,0,0,0');
    expect(csv).toHaveLength(1 + 7 + 1); // header, seven days, the final CRLF
    const json = JSON.parse(readFileSync(join(dir, 'weekly-2026-W10.json'), 'utf8'));
    expect(json).toMatchObject({ id: 'weekly-2026-W10', min_sends: 2, summary: { total_sequences_started: 8, leads_qualified: 3 } });
  }, 120_000);

  it('monthly --json: the report object with the written files; template names are not formulas in the CSVs', async () => {
    const dir = join(out, 'monthly');
    const res = await runCli(['report', 'monthly', '--period', '2026-03', '--out', dir, '--json'], env);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout);
    expect(report).toMatchObject({ id: 'monthly-2026-03', period: { kind: 'monthly', label: '2026-03' }, min_sends: 20 });
    expect(report.files).toEqual(['', '-top-templates', '-top-steps', '-trends'].map((s) => join(dir, `monthly-2026-03${s}.csv`))
      .concat([join(dir, 'monthly-2026-03.json'), join(dir, 'monthly-2026-03.html')]));
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['summary', 'daily', 'top_templates', 'top_steps', 'trends', 'definitions', 'sql']));

    const summary = readFileSync(join(dir, 'monthly-2026-03.csv'), 'utf8').split('\r\n');
    expect(summary[0]).toBe('figure,2026-03,2026-02,change');
    // March 3 of 10 qualified (30 %), February 1 of 1 (100 %).
    expect(summary).toContain('conversion_rate_pct,30,100,-70');
    const templates = readFileSync(join(dir, 'monthly-2026-03-top-templates.csv'), 'utf8');
    expect(templates).toContain("\r\n4,'=Gamma,");
    expect(templates).not.toMatch(/,=Gamma/);
    const trends = readFileSync(join(dir, 'monthly-2026-03-trends.csv'), 'utf8').split('\r\n');
    expect(trends.slice(1, 7).map((l) => l.split(',')[0])).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
  }, 120_000);

  it.each([
    [['report', 'weekly', '--period', '2026-13'], 'nurture: --period: must be an ISO week like 2026-W48, got "2026-13"\n'],
    [['report', 'monthly', '--period', '2026-W10'], 'nurture: --period: must be a month like 2026-11, got "2026-W10"\n'],
    [['report', 'weekly', '--min-sends', '0'], 'nurture: --min-sends must be an integer from 1 to 1000000, got "0"\n'],
  ])('%j: exit 2 with a one-line reason naming the flag', async (args, stderr) => {
    const res = await runCli([...args, '--out', join(out, 'bad')], env);
    expect(res).toMatchObject({ code: 2, stdout: '', stderr });
  }, 60_000);

  it('an unknown kind: exit 2', async () => {
    const res = await runCli(['report', 'yearly'], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^error: command-argument value 'yearly' is invalid for argument 'kind'. Allowed choices are weekly, monthly./);
  }, 60_000);
});
