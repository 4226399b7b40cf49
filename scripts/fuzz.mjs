// npm run fuzz: the fuzz and property suite (tests/fuzz) at full size — at least 10,000
// cases — and a count of what it saw: cases run, exit codes and stack traces.
//
//   node scripts/fuzz.mjs [--cases N] [--seed S] [--no-build]
//
// CI runs the same suite with `vitest run` at its default size (PLANCHECK_FUZZ_RUNS unset:
// a seeded share of a few hundred cases). Here the base number of cases of a property,
// PLANCHECK_FUZZ_RUNS, is raised so the suite runs at least --cases cases (10,000 by
// default); the seed is random unless --seed gives one, and is printed so that a failure
// can be replayed with the same --seed. Each property appends what it saw to the file
// named by PLANCHECK_FUZZ_REPORT; this script adds them up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const target = Number.parseInt(option('--cases', '10000'), 10);
const seed = Number.parseInt(option('--seed', String(Math.floor(Math.random() * 2 ** 31))), 10);
if (!Number.isSafeInteger(target) || target < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: node scripts/fuzz.mjs [--cases N] [--seed S] [--no-build]');
  process.exit(2);
}

// The cases of all properties together are about this many times the base number: a
// little under the sum of the weights passed to runsFor() in tests/fuzz (33.8), so that
// rounding never leaves the count short; checked against the count below.
const WEIGHT_SUM = 33.5;
const base = Math.ceil(target / WEIGHT_SUM);

if (!args.includes('--no-build')) {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('fuzz: the build failed');
    process.exit(2);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'plancheck-fuzz-report-'));
const report = join(dir, 'report.jsonl');
console.log(`fuzz: seed ${seed}, ${base} cases per unit of weight (PLANCHECK_FUZZ_RUNS), aiming at ≥ ${target} cases`);
const started = Date.now();
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'tests/fuzz', '--reporter=dot'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PLANCHECK_FUZZ_RUNS: String(base), PLANCHECK_FUZZ_SEED: String(seed), PLANCHECK_FUZZ_REPORT: report },
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);

const lines = existsSync(report) ? readFileSync(report, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
rmSync(dir, { recursive: true, force: true });
let cases = 0;
let traces = 0;
const exits = {};
const known = {};
console.log('\nproperty                                                   cases  exits');
for (const p of lines) {
  cases += p.cases;
  traces += p.stackTraces;
  for (const [k, v] of Object.entries(p.exits)) if (k !== 'n/a') exits[k] = (exits[k] ?? 0) + v;
  for (const [k, v] of Object.entries(p.knownBugs ?? {})) known[k] = (known[k] ?? 0) + v;
  const bugs = Object.values(p.knownBugs ?? {}).reduce((a, b) => a + b, 0);
  const shown = (Object.entries(p.exits).filter(([k]) => k !== 'n/a').map(([k, v]) => `${k}:${v}`).join(' ') || '(invariant)') + (bugs ? ` known-bug:${bugs}` : '');
  console.log(`${p.name.padEnd(56)} ${String(p.cases).padStart(7)}  ${shown}`);
}
const exitText = Object.entries(exits).sort().map(([k, v]) => `exit ${k}: ${v}`).join(', ');
console.log(`\nfuzz: ${cases} cases in ${seconds} s (seed ${seed}); ${exitText || 'no CLI runs'}; stack traces: ${traces}`);
for (const [id, n] of Object.entries(known)) console.log(`fuzz: ${n} cases hit the known bug ${id} (see KNOWN_BUGS in tests/fuzz/arbitraries.ts)`);

if (run.status !== 0) {
  console.error(`fuzz: a property failed (replay with: node scripts/fuzz.mjs --seed ${seed} --cases ${target})`);
  process.exit(1);
}
if (traces > 0) {
  console.error('fuzz: a stack trace reached standard error');
  process.exit(1);
}
if (Object.keys(exits).some((k) => !['0', '1', '2'].includes(k))) {
  console.error('fuzz: an exit status other than 0, 1 or 2');
  process.exit(1);
}
if (cases < target) {
  console.error(`fuzz: only ${cases} cases ran, fewer than ${target}: raise WEIGHT_SUM's counterpart in scripts/fuzz.mjs`);
  process.exit(1);
}
