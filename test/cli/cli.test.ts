// `nurture migrate`, `nurture projections rebuild` and `nurture history`, run as processes
// against a fresh database: the server's (DATABASE_URL) or an embedded one on disk.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../src/infrastructure/database/database.js';
import { openServerDatabase } from '../../src/infrastructure/database/database.js';
import { openEmbeddedDatabase } from '../../src/infrastructure/database/embedded-database.js';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres/postgres-event-store.js';
import { createTestDatabase, isEmbedded, type TestDatabase } from '../support/test-database.js';
import { runCli, tempDir } from '../support/cli.js';
import { playWorkload } from '../support/workload.js';

describe(`nurture CLI (${isEmbedded ? 'embedded database on disk' : 'PostgreSQL server'})`, () => {
  let server: TestDatabase | undefined;
  let dataDir = '';
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (isEmbedded) {
      dataDir = tempDir('nurture-cli-');
      env = { NURTURE_DATA_DIR: dataDir };
    } else {
      server = await createTestDatabase({ migrate: false });
      env = { DATABASE_URL: server.url };
    }
  });
  afterAll(async () => {
    await server?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Opens the same database the CLI uses (the embedded one only while no CLI process runs). */
  async function open(): Promise<Database> {
    return isEmbedded
      ? openEmbeddedDatabase({ dataDir: join(dataDir, 'pgdata') })
      : openServerDatabase({ url: server!.url! });
  }

  it('migrate creates the schema once, then reports it up to date', async () => {
    const first = await runCli(['migrate'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/applied EventStore\d+, ReadSide\d+/);
    const second = await runCli(['migrate'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/already up to date/);
  });

  it('history prints every event of a lead in order, and --json for machines', async () => {
    const db = await open();
    try {
      await playWorkload({ store: new PostgresEventStore(db.pool), project: async () => undefined }, 2, [
        { kind: 'send', lead: 1 },
        { kind: 'engage', lead: 1, type: 'replied', eventNo: 1, machine: false },
        { kind: 'engage', lead: 1, type: 'clicked', eventNo: 2, machine: false },
        { kind: 'send', lead: 0 },
      ]);
    } finally {
      await db.close();
    }
    const text = await runCli(['history', 'lead_1'], env);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^lead lead_1: 5 events in 1 sequence\(s\) \(#2\)/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[3])).toEqual([
      'SequenceStarted',
      'EmailSent',
      'EmailReplied',
      'EmailClicked',
      'LeadQualified',
    ]);
    expect(lines[5]).toMatch(/score 50 \(engagement 23\)/);

    const json = await runCli(['history', 'lead_1', '--json'], env);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.events.map((e: { revision: string }) => e.revision)).toEqual(['0', '1', '2', '3', '4']);
    expect(parsed.events[0].metadata.command).toBe('StartSequence');
  });

  it('history of an unknown lead exits 3 with a one-line reason', async () => {
    const result = await runCli(['history', 'nobody'], env);
    expect(result.code).toBe(3);
    expect(result.stderr.trim()).toBe('nurture: no sequence history for lead "nobody"');
  });

  it('projections rebuild replays the log with progress and fills the read tables', async () => {
    const result = await runCli(['projections', 'rebuild', '--batch-size', '2'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/rebuilt the read model from 7 events/);
    const db = await open();
    try {
      const { rows } = await db.pool.query('SELECT lead_ext_id, status, current_step FROM lead_nurturing_sequences ORDER BY id');
      expect(rows).toEqual([
        { lead_ext_id: 'lead_0', status: 'active', current_step: 1 },
        { lead_ext_id: 'lead_1', status: 'qualified', current_step: 1 },
      ]);
    } finally {
      await db.close();
    }
  });

  it('bad input exits 2 naming the problem', async () => {
    const bad = await runCli(['projections', 'rebuild', '--batch-size', '0'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--batch-size must be an integer/);
    const unknown = await runCli(['frobnicate'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
