// `nurture demo`, run as a process against a fresh database (the server's, or an embedded one on
// disk): reproducible from its seed, plausible, never sending an email twice, and never doubling
// its data when run again.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { createTestDatabase, isEmbedded, type TestDatabase } from '../support/test-database.js';

interface DemoJson {
  runs: number;
  funnel: {
    leads: number;
    sequencesStarted: number;
    emails: { sent: number; delivered: number; bounced: number; opened: number; clicked: number; replied: number };
    engagedLeads: { opened: number; clicked: number; replied: number };
    status: { qualified: number; active: number; paused: number; completed: number; stopped: number };
    conversionRatePct: number;
    avgDaysToQualify: number | null;
  };
  sink: { requests: number; accepted: number; duplicateKeys: number; rejected: number };
  engagementApiRequests: number;
  stepErrors: number;
}

const DEMO = ['demo', '--leads', '200', '--days', '20', '--json'];

describe(`nurture demo (${isEmbedded ? 'embedded database on disk' : 'PostgreSQL server'})`, () => {
  let server: TestDatabase | undefined;
  let dataDir = '';
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = tempDir('nurture-demo-');
    if (isEmbedded) env = { NURTURE_DATA_DIR: dataDir };
    else {
      server = await createTestDatabase({ migrate: false });
      env = { DATABASE_URL: server.url };
    }
  });
  afterAll(async () => {
    await server?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function demo(args: string[]): Promise<DemoJson> {
    const result = await runCli(args, env);
    if (result.code !== 0) throw new Error(`nurture demo exited ${result.code}: ${result.stderr}`);
    expect(result.stderr).toMatch(/simulated 20 days in 41 runs/);
    return JSON.parse(result.stdout) as DemoJson;
  }

  let first: DemoJson;

  it('runs the pipeline over simulated time and reports a plausible funnel', async () => {
    first = await demo(DEMO);
    const { funnel: f, sink } = first;
    expect(first.runs).toBe(41);
    expect(first.stepErrors).toBe(0);
    expect(f.leads).toBe(200);
    expect(f.sequencesStarted).toBeGreaterThan(0);
    expect(f.sequencesStarted).toBeLessThanOrEqual(f.leads);
    expect(f.emails.sent).toBeGreaterThanOrEqual(f.sequencesStarted);
    expect(f.emails.delivered + f.emails.bounced).toBe(f.emails.sent);
    expect(f.emails.opened).toBeGreaterThan(0);
    expect(f.engagedLeads.opened).toBeGreaterThanOrEqual(f.engagedLeads.clicked);
    expect(f.engagedLeads.opened).toBeGreaterThanOrEqual(f.engagedLeads.replied);
    expect(f.engagedLeads.opened).toBeLessThanOrEqual(f.sequencesStarted);
    const { qualified, active, paused, completed, stopped } = f.status;
    expect(qualified + active + paused + completed + stopped).toBe(f.sequencesStarted);
    expect(qualified).toBeGreaterThan(0);
    expect(qualified).toBeLessThanOrEqual(Math.min(f.sequencesStarted, f.engagedLeads.clicked + f.engagedLeads.replied));
    expect(stopped).toBe(f.emails.bounced);
    expect(f.conversionRatePct).toBeCloseTo((100 * qualified) / f.sequencesStarted, 2);
    expect(f.avgDaysToQualify).toBeGreaterThan(0);
    expect(f.avgDaysToQualify).toBeLessThanOrEqual(20);
    // Every email reached the sink exactly once: no repeated Idempotency-Key, nothing rejected.
    expect(sink).toEqual({ requests: f.emails.sent, accepted: f.emails.sent, duplicateKeys: 0, rejected: 0 });
    expect(first.engagementApiRequests).toBeGreaterThan(0);
  });

  it('gives the same numbers with the same seed, starting afresh instead of doubling the data', async () => {
    const second = await demo(DEMO);
    expect(second.funnel).toEqual(first.funnel);
    expect(second.sink).toEqual(first.sink);
    expect(second.engagementApiRequests).toBe(first.engagementApiRequests);
  });

  it('gives other numbers with another seed', async () => {
    const other = await demo([...DEMO, '--seed', '7']);
    expect(other.funnel.leads).toBe(200);
    expect(other.funnel).not.toEqual(first.funnel);
  });

  it('rejects bad options with exit code 2, naming the option', async () => {
    const bad = await runCli(['demo', '--leads', 'abc'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('nurture: --leads must be an integer from 1 to 100000, got "abc"');
    const days = await runCli(['demo', '--days', '0'], env);
    expect(days.code).toBe(2);
    expect(days.stderr).toMatch(/--days must be an integer/);
  });

  it('never deletes demo data it did not make', async () => {
    if (isEmbedded) {
      const foreign = tempDir('nurture-demo-foreign-');
      try {
        mkdirSync(join(foreign, 'demo'));
        writeFileSync(join(foreign, 'demo', 'precious.txt'), 'keep me');
        const result = await runCli(DEMO, { NURTURE_DATA_DIR: foreign });
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/demo exists and was not made by nurture demo/);
        expect(existsSync(join(foreign, 'demo', 'precious.txt'))).toBe(true);
      } finally {
        rmSync(foreign, { recursive: true, force: true });
      }
    } else {
      const pool = server!.db.pool;
      await pool.query('DROP SCHEMA nurture_demo CASCADE; CREATE SCHEMA nurture_demo; CREATE TABLE nurture_demo.precious (x int)');
      const result = await runCli(DEMO, env);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/schema nurture_demo exists .* not made by nurture demo/);
      expect((await pool.query("SELECT to_regclass('nurture_demo.precious') AS t")).rows[0].t).not.toBeNull();
    }
  });
});
