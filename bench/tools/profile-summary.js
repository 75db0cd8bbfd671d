// Summarizes a .cpuprofile: where the samples fell, by function (self time) and by file.
//   node bench/tools/profile-summary.js bench/profiles/B4-….cpuprofile [top]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/tools/profile-summary.js <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfSamples = new Map();
for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
const total = profile.samples.length;
const durationMs = (profile.endTime - profile.startTime) / 1000;

const shortUrl = (url) => url.replace(/^file:\/\/.*?\/(node_modules|dist|bench)\//, '$1/').replace(/^node:/, 'node:');
const byFunction = new Map();
const byFile = new Map();
for (const [id, n] of selfSamples) {
  const f = byId.get(id).callFrame;
  const fn = `${f.functionName || '(anonymous)'}  ${shortUrl(f.url)}:${f.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + n);
  const key = f.url ? shortUrl(f.url).replace(/^(node_modules\/(@[^/]+\/)?[^/]+).*/, '$1') : f.functionName;
  byFile.set(key, (byFile.get(key) ?? 0) + n);
}
const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${total} samples over ${durationMs.toFixed(0)} ms`);
console.log('\nself time by function');
for (const [k, n] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(n)}  ${k}`);
console.log('\nself time by file / package');
for (const [k, n] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(n)}  ${k}`);

// Inclusive time: a sample counts once for every distinct function on its stack.
const parentOf = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const inclusive = new Map();
for (const [id, n] of selfSamples) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parentOf.get(at)) {
    const f = byId.get(at).callFrame;
    if (!f.url.includes('/dist/') && !f.url.includes('/bench/')) continue;
    const fn = `${f.functionName || '(anonymous)'}  ${shortUrl(f.url)}:${f.lineNumber + 1}`;
    if (seen.has(fn)) continue;
    seen.add(fn);
    inclusive.set(fn, (inclusive.get(fn) ?? 0) + n);
  }
}
console.log('\ninclusive time of the project\'s own functions');
for (const [k, n] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(n)}  ${k}`);
