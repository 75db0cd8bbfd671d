// --profile: a CPU profile of exactly the measured part of a case (node:inspector in this process),
// written to bench/profiles/<name>-<time>.cpuprofile. Open it in Chrome DevTools or summarize it
// with `node bench/tools/profile-summary.js <file>`.
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILE_DIR } from './child.js';
import { log } from './util.js';

export async function profiled(enabled, name, work) {
  if (!enabled) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    mkdirSync(PROFILE_DIR, { recursive: true });
    const file = join(PROFILE_DIR, `${name}-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    log(`profile of ${name}: ${file}`);
  }
}
