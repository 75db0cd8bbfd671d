// Preloaded into a child (`node --import …/report-max-rss.js bin/nurture.js run …`): when the process
// exits, writes its peak resident set size (getrusage ru_maxrss) to $NURTURE_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.NURTURE_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, pid: process.pid }));
  });
}
