// B5 run at scale: wall time and peak RSS of ONE `nurture run` (the CLI, as a child process) on a
// database holding 1,000,000 leads, 100,000 active sequences of which 20,000 are due, enrolling the
// default max_leads_per_run (100) new cold leads and sending everything due to the email sink (a
// separate process). Wall time: from spawn to exit (Node start, Nest-free CLI, migrations check, the
// whole DAG). Peak RSS: the child's own getrusage maxRSS, written at exit by a preloaded module
// (bench/lib/report-max-rss.js), cross-checked with VmHWM polled from /proc.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childExecArgv, startSink } from '../lib/child.js';
import { analyze, appendStreams, project, reserveSequenceIds } from '../lib/seed.js';
import { DAY, StreamBuilder } from '../lib/streams.js';
import { check, count, log } from '../lib/util.js';

const BIN = new URL('../../bin/nurture.js', import.meta.url).pathname;
const PRELOAD = new URL('../lib/report-max-rss.js', import.meta.url).href;

/** Leads: a realistic mix of cold and not-cold, created over the last 180 days. */
const INSERT_LEADS = `
  INSERT INTO leads (ext_id, email, first_name, last_name, company, score, priority, source, created_at)
  SELECT 'lead_' || i,
         'lead' || i || '@example.com',
         'Name' || i,
         'Last' || i,
         'Company ' || (i % 997),
         CASE WHEN i % 6 = 0 THEN NULL ELSE (i * 37) % 100 END,
         (ARRAY['low', NULL, 'medium', 'high', 'low', NULL])[1 + i % 6],
         'import',
         $2::timestamptz - make_interval(secs => (i % 15552000))
    FROM generate_series(1, $1::int) AS i`;

function sequences({ active, due, now }) {
  const out = [];
  for (let id = 1; id <= active; id++) {
    const b = new StreamBuilder(id);
    if (id <= due) {
      b.start({ at: now - 3_600_000 - id, leadExtId: `lead_${id}`, email: `lead${id}@example.com`, baseScore: id % 40 });
    } else {
      // Started yesterday, step 1 sent: step 2 is due in 3 days.
      const start = now - DAY - (id % 3_600_000);
      b.start({ at: start, leadExtId: `lead_${id}`, email: `lead${id}@example.com`, baseScore: id % 40 });
      b.send(start + 60_000);
    }
    out.push(b);
  }
  return out;
}

/** Peak RSS from /proc while the child runs (VmHWM is the kernel's high-water mark). */
function pollHighWaterMark(pid) {
  let kib = 0;
  const read = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kib = Math.max(kib, Number(m[1]));
    } catch {
      // exited
    }
  };
  const timer = setInterval(read, 50);
  return () => {
    clearInterval(timer);
    return kib;
  };
}

function runChild(args, env, profile) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [`--import=${PRELOAD}`, ...childExecArgv(profile, 'nurture-run'), BIN, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stop = pollHighWaterMark(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr, seconds: Number(process.hrtime.bigint() - t0) / 1e9, hwmKiB: stop() }));
  });
}

export async function runB5({ dbs, sizes, options }) {
  const { leads, active, due, newLeads } = sizes.b5;
  const c = await dbs.forCase('B5');
  const sink = await startSink(options.profile);
  const tmp = mkdtempSync(join(tmpdir(), 'nurture-bench-'));
  try {
    const pool = c.db.pool;
    const now = Date.now();
    log(`B5: seeding ${leads} leads`);
    await pool.query(INSERT_LEADS, [leads, new Date(now).toISOString()]);
    log(`B5: seeding ${active} active sequences (${due} due)`);
    await appendStreams(pool, sequences({ active, due, now }));
    await reserveSequenceIds(pool, active);
    await project(pool);
    await analyze(pool);
    const dueBefore = await count(pool, `SELECT count(*) AS n FROM lead_nurturing_sequences WHERE status = 'active' AND next_send_at <= $1`, [new Date(now).toISOString()]);
    const activeBefore = await count(pool, `SELECT count(*) AS n FROM lead_nurturing_sequences WHERE status = 'active'`);
    const sentBefore = await count(pool, `SELECT count(*) AS n FROM lead_nurturing_events WHERE status = 'sent'`);

    const rssFile = join(tmp, 'rss.json');
    const budget = due + newLeads;
    const args = [
      'run', '--json', '--now', new Date(now).toISOString(),
      '--email-webhook-url', sink.url,
      '--max-leads-per-run', String(newLeads),
      '--max-emails-per-run', String(budget),
      '--http-concurrency', String(options.httpConcurrency),
    ];
    log(`B5: nurture ${args.join(' ')}`);
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: c.url, NURTURE_BENCH_RSS_FILE: rssFile };
    const child = await runChild(args, env, options.profile);
    let report = null;
    try {
      report = JSON.parse(child.stdout);
    } catch {
      log(`B5: nurture run printed no report (exit ${child.code}): ${child.stderr.slice(0, 2000)}`);
    }
    let maxRssKiB = null;
    try {
      maxRssKiB = JSON.parse(readFileSync(rssFile, 'utf8')).maxRssKiB;
    } catch {
      // reported by the check below
    }
    const peakMiB = Math.max(maxRssKiB ?? 0, child.hwmKiB) / 1024;
    const sinkStats = await sink.stats();
    const steps = Object.fromEntries((report?.steps ?? []).map((s) => [s.step, s]));

    const checks = [
      check('due sequences before the run', due, dueBefore),
      check('active sequences before the run', active, activeBefore),
      check('nurture run exit code', 0, child.code),
      check('run status', 'succeeded', report?.status ?? null),
      check('child reported its peak RSS', true, maxRssKiB !== null),
      check('cold leads enrolled', newLeads, steps.start_nurturing_sequences?.counts?.sequences_started ?? 0),
      check('send step: sent', budget, steps.send_scheduled_emails?.counts?.sent ?? 0),
      check('sink: distinct Idempotency-Keys', budget, sinkStats.distinct),
      check('sink: keys POSTed more than once', 0, sinkStats.repeated),
      check('sink: malformed requests', 0, sinkStats.malformed),
      check("lead_nurturing_events 'sent' rows added", budget, (await count(pool, `SELECT count(*) AS n FROM lead_nurturing_events WHERE status = 'sent'`)) - sentBefore),
    ];
    const stepMs = Object.fromEntries((report?.steps ?? []).map((s) => [s.step, s.durationMs]));
    const details = { leads, active, due, newLeads, httpConcurrency: options.httpConcurrency, seconds: child.seconds, maxRssKiB, hwmKiB: child.hwmKiB, stepMs };
    const setup = `${leads} leads, ${active} active sequences, ${due} due, +${newLeads} enrolled`;
    return [
      {
        id: 'B5-time',
        name: 'B5 run at scale: wall time',
        figure: child.seconds,
        unit: 's',
        raw: null,
        target: { max: 30 },
        checks,
        details,
        note: `${setup}; nurture run as a child process, spawn to exit; steps (ms): ${Object.entries(stepMs).map(([k, v]) => `${k} ${v}`).join(', ')}`,
      },
      {
        id: 'B5-rss',
        name: 'B5 run at scale: peak RSS',
        figure: peakMiB,
        unit: 'MiB',
        raw: null,
        target: { max: 500 },
        checks: [],
        details,
        note: `getrusage maxRSS of the child ${maxRssKiB === null ? 'n/a' : `${(maxRssKiB / 1024).toFixed(0)} MiB`}, /proc VmHWM ${(child.hwmKiB / 1024).toFixed(0)} MiB`,
      },
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    await sink.stop();
    await c.drop();
  }
}
