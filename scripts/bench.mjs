// npm run bench: start-up cost of a whole-plan evaluation of the shipped sample, as a
// ratio to a bare `node -e 0` measured in the same run, runs interleaved so that
// machine load falls on both alike. Median of N runs each.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const bin = join(root, 'bin', 'plancheck');
const sample = ['evaluate', join(root, 'samples/taizhou-2020-2025.csv'), '--regions', join(root, 'samples/townships.csv')];

const cases = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'plancheck --version': [process.execPath, [bin, '--version']],
  'plancheck evaluate sample (table)': [process.execPath, [bin, ...sample]],
  'plancheck evaluate sample --format json': [process.execPath, [bin, ...sample, '--format', 'json']],
};

function time([cmd, args]) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: root });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const c of Object.values(cases)) time(c); // warm the file cache
for (let i = 0; i < runs; i++) for (const [k, c] of Object.entries(cases)) samples[k].push(time(c));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(samples['node -e 0']);
console.log(`start-up, median of ${runs} interleaved runs (node ${process.version}, ${process.platform}/${process.arch})`);
for (const [k, xs] of Object.entries(samples)) {
  const m = median(xs);
  console.log(`${k.padEnd(42)} ${m.toFixed(1).padStart(7)} ms   ${(m / base).toFixed(2)}× node -e 0`);
}
const ratio = median(samples['plancheck evaluate sample (table)']) / base;
console.log(`goal: whole-plan evaluation of the sample ≤ 2.00× node -e 0 — ${ratio <= 2 ? 'met' : 'not met'} (${ratio.toFixed(2)}×)`);
