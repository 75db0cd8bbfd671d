// Command-line options of `npm run bench`.
//
//   --scale small|full   small: the CI smoke test (< 2 min); full (default): the sizes
//   --json               print the results as one JSON document on stdout (progress stays on stderr)
//   --only B1,B4         run only these cases
//   --http-concurrency N http_concurrency of the runs in B2/B5 and of their raw limit (default 16)
//   --keep               keep the bench databases (for inspection) instead of dropping them
//   --profile            run the child processes (B5's `nurture run`, the sink, the B3 client) with
//                        --cpu-prof, writing .cpuprofile files to bench/profiles/
//                        (profile the bench process itself with `node --cpu-prof bench/run.js`)
export const CASE_IDS = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7'];

export function parseOptions(argv) {
  const options = { scale: 'full', json: false, only: CASE_IDS, httpConcurrency: 16, keep: false, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--scale') options.scale = value();
    else if (arg.startsWith('--scale=')) options.scale = arg.slice(8);
    else if (arg === '--json') options.json = true;
    else if (arg === '--only') options.only = value().split(',').map((s) => s.trim().toUpperCase());
    else if (arg === '--http-concurrency') options.httpConcurrency = Number(value());
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--profile') options.profile = true;
    // Internal: run one case in this process, on the parent's template database, rows as JSON.
    else if (arg === '--case-process') options.caseProcess = value();
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new UsageError(`unknown option ${arg}`);
  }
  if (!['small', 'full'].includes(options.scale)) throw new UsageError(`--scale must be small or full, got ${options.scale}`);
  for (const id of options.only) if (!CASE_IDS.includes(id)) throw new UsageError(`--only: unknown case ${id} (cases: ${CASE_IDS.join(', ')})`);
  if (!Number.isInteger(options.httpConcurrency) || options.httpConcurrency < 1 || options.httpConcurrency > 512) {
    throw new UsageError('--http-concurrency must be an integer from 1 to 512');
  }
  return options;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run bench -- [--scale small|full] [--json] [--only B1,B2,...] [--http-concurrency N] [--keep] [--profile]`;

/** The sizes of each case at each scale. */
export const SIZES = {
  full: {
    b1: { streams: 10_000, batchStreams: 250, appenders: 4, peerCallers: 8, repeat: 3 },
    b2: { sequences: 20_000 },
    b3: { sequences: 10_000, events: 100_000, perRequest: 100, clients: 8 },
    b4: { events: 1_000_000, batchSize: 10_000 },
    b5: { leads: 1_000_000, active: 100_000, due: 20_000, newLeads: 100 },
    b6: { sequences: 1_000_000 },
    b7: { sequences: 1_000_000, events: 1_000_000, runs: 1_000, unmatched: 10_000, warm: 50, rankingsWaitMs: 120_000 },
  },
  small: {
    b1: { streams: 2_000, batchStreams: 250, appenders: 4, peerCallers: 8, repeat: 1 },
    b2: { sequences: 2_000 },
    b3: { sequences: 1_000, events: 10_000, perRequest: 100, clients: 8 },
    b4: { events: 50_000, batchSize: 10_000 },
    b5: { leads: 20_000, active: 5_000, due: 1_000, newLeads: 100 },
    b6: { sequences: 20_000 },
    b7: { sequences: 20_000, events: 20_000, runs: 1_000, unmatched: 200, warm: 50, rankingsWaitMs: 20_000 },
  },
};
