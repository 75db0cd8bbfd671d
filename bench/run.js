// `npm run bench`: creates its own databases, generates each case's data, runs the cases and prints
// one table (or, with --json, one JSON document): each figure beside the raw limit of this machine
// measured in the same run. Every case checks its own correctness; a failed check makes the run
// exit 1 whatever the speed. See bench/README.md.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { BenchDatabases } from './lib/bench-db.js';
import { CASE_IDS, parseOptions, SIZES, USAGE, UsageError } from './lib/options.js';
import { finishRow, renderNotes, renderTable } from './lib/report.js';
import { log } from './lib/util.js';

const CASES = {
  B1: () => import('./cases/b1-append.js').then((m) => m.runB1),
  B2: () => import('./cases/b2-send.js').then((m) => m.runB2),
  B3: () => import('./cases/b3-ingest.js').then((m) => m.runB3),
  B4: () => import('./cases/b4-rebuild.js').then((m) => m.runB4),
  B5: () => import('./cases/b5-run.js').then((m) => m.runB5),
  B6: () => import('./cases/b6-report.js').then((m) => m.runB6),
  B7: () => import('./cases/b7-dashboard.js').then((m) => m.runB7),
};

function machine(postgres) {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  return {
    cpus: os.availableParallelism(),
    cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    postgres,
  };
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.caseProcess) return runCaseHere(options);
  const dbs = new BenchDatabases({ keep: options.keep });
  const interrupted = async () => {
    await dbs.dropAll().catch(() => undefined);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  const startedAt = new Date();
  const rows = [];
  let env;
  try {
    try {
      env = machine(await dbs.serverVersion());
    } catch (error) {
      process.stderr.write(`bench: cannot reach PostgreSQL at ${dbs.server.host} (${error.message}); set DATABASE_URL to a server on which this role may CREATE DATABASE\n`);
      return 1;
    }
    log(`scale ${options.scale}; databases ${dbs.prefix}* on ${dbs.server.host}`);
    await dbs.prepareTemplate();
    for (const id of CASE_IDS.filter((c) => options.only.includes(c))) {
      const t0 = Date.now();
      try {
        rows.push(...(await runCaseProcess(id, dbs.prefix)));
      } catch (error) {
        log(`${id} failed: ${error.message ?? error}`);
        rows.push(finishRow({ id, name: id, status: 'error', figure: null, raw: null, target: null, checks: [], correct: false, error: String(error.message ?? error) }));
      } finally {
        await dbs.dropOne(dbs.caseDatabase(id)).catch(() => undefined); // left behind by a case that crashed
      }
      log(`${id} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await dbs.dropAll();
  }
  const finishedAt = new Date();
  const correct = rows.every((r) => r.correct !== false);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ scale: options.scale, startedAt, finishedAt, machine: env, correct, cases: rows }, null, 2)}\n`);
  } else {
    process.stdout.write(`\nnpm run bench — scale ${options.scale}, ${startedAt.toISOString()}, ${env.cpus} CPUs (${env.cpuModel}), ${env.postgres.split(' on ')[0]}\n\n`);
    process.stdout.write(`${renderTable(rows)}\n\n${renderNotes(rows)}\n`);
    process.stdout.write(correct ? '\nall correctness checks passed\n' : '\nSOME CORRECTNESS CHECKS FAILED\n');
  }
  return correct ? 0 : 1;
}

// Each case runs in its own Node process (this script with --case-process), so what one case
// leaves in the heap or the JIT never slows the next, as `nurture run` starts fresh too.
function runCaseProcess(id, template) {
  const args = [...process.argv.slice(2).filter((a, i, all) => a !== '--only' && all[i - 1] !== '--only'), '--only', id, '--case-process', template];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`the case process exited (${signal ?? code}) without results`));
      }
    });
  });
}

/** In a case process: runs the one case on the parent's template, prints its rows as JSON. */
async function runCaseHere(options) {
  const dbs = new BenchDatabases({ keep: options.keep, prefix: options.caseProcess });
  const ctx = { dbs, sizes: SIZES[options.scale], options };
  const [id] = options.only;
  const rows = [];
  try {
    const run = await CASES[id]();
    for (const row of await run(ctx)) rows.push(finishRow({ status: 'measured', ...row, correct: row.status === 'pending' ? null : row.checks.every((c) => c.ok) }));
  } catch (error) {
    log(`${id} failed: ${error.stack ?? error}`);
    rows.push(finishRow({ id, name: id, status: 'error', figure: null, raw: null, target: null, checks: [], correct: false, error: String(error.message ?? error) }));
  }
  process.stdout.write(JSON.stringify(rows));
  return 0;
}

process.exitCode = await main();
