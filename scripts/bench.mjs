// npm run bench (builds first, then runs this). Two parts; docs/performance.md says what they
// measure, the goals, and the figures.
//
// 1. Start-up: a whole-plan evaluation of the shipped sample, as a ratio to a bare `node -e 0`
//    measured in the same run, runs interleaved so that machine load falls on both alike.
//    Median of BENCH_RUNS (15) runs each. Goal: ≤ 2.50× node -e 0.
// 2. Scale: the reference return (../shared/bench/gen-big.mjs: nine rate indicators, the three
//    mortality ones among them, one township per 54 rows) at BENCH_ROWS rows (default
//    1000000,4000000), through plancheck's full evaluation, Miller's group-sum (the command of
//    issue #5), DuckDB's read_csv + GROUP BY where @duckdb/node-api can be found (see
//    docs/performance.md), a bare csv-parse read with `columns: true` and a naive split(',')
//    loop, interleaved, median of BENCH_SCALE_RUNS (3) rounds; wall time and peak RSS as the
//    operating system reports them (GNU time's %M). Goals: plancheck ≤ 1.0× Miller, peak RSS
//    ≤ 200 MB at 1 M rows and ≤ +10 % from 1 M to 4 M rows; the ratio to DuckDB is printed
//    (aim ≤ 2.0×).
//
// Environment:
//   BENCH_RUNS=15            start-up runs per case
//   BENCH_ROWS=1000000,4000000   row counts for the scale part, comma-separated
//   BENCH_SCALE_RUNS=3       rounds per size
//   BENCH_TIMEOUT=600        seconds before a single scale run is killed
//   BENCH_DIR=<tmp>/plancheck-bench   where generated files are kept between runs
//   BENCH_GENERATOR=../shared/bench/gen-big.mjs   the reference return's generator;
//                            BENCH_GENERATOR=project takes scripts/gen-large.mjs instead
//   BENCH_DUCKDB_DIR=<dir>   a folder whose node_modules holds @duckdb/node-api (default: BENCH_DIR, then this repository)
//   BENCH_PLANCHECK_ARGS=""  extra arguments for the plancheck run (e.g. "--year 2025")
//   BENCH_SKIP_STARTUP=1 / BENCH_SKIP_SCALE=1   run one part only
//   BENCH_MEMORY=1           also 3. Memory (issue 22 §2), one run each: the reference return at
//                            the largest BENCH_ROWS read from a path and piped in by `cat` (goal:
//                            standard input ≤ 1.5× the path read), and a storm of
//                            BENCH_STORM_ROWS (1000000) rows all in a year out of range against one
//                            a quarter its size, with --diagnostics (goal: ≤ 1.25×, memory that
//                            does not grow with the findings; both over 4 MiB, so both read in pieces)
// Ends with Markdown tables ready to paste into docs/performance.md (also written to
// BENCH_DIR/results.md). Exits 1 when a run crashed or timed out, 2 when plancheck rejected
// the generated input (exit 2) — the figures would be meaningless.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateLarge } from './gen-large.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'plancheck');
const env = process.env;
const flag = (name) => env[name] !== undefined && env[name] !== '' && env[name] !== '0';
const runs = Number(env.BENCH_RUNS ?? 15);
const scaleRuns = Number(env.BENCH_SCALE_RUNS ?? 3);
const timeoutMs = Number(env.BENCH_TIMEOUT ?? 600) * 1000;
const sizes = String(env.BENCH_ROWS ?? '1000000,4000000').split(',').map((s) => Number(s.trim().replace(/_/gu, ''))).filter((n) => n > 0);
const benchDir = env.BENCH_DIR ?? join(tmpdir(), 'plancheck-bench');
const extraArgs = (env.BENCH_PLANCHECK_ARGS ?? '').split(/\s+/u).filter(Boolean);

/** Goals of issues #14 and #15 (vsDuckDB is an aim, printed, not a pass/fail). */
const GOALS = { startup: 2.5, vsMiller: 1.0, vsDuckDB: 2.0, rssMB: 200, flat: 1.1 };
const generatorPath = env.BENCH_GENERATOR === 'project' ? undefined : resolve(root, env.BENCH_GENERATOR ?? '../shared/bench/gen-big.mjs');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const mb = (bytes) => bytes / 1e6;
let failed = 0; // exit status at the end

// ---------------------------------------------------------------------------------------
// The machine and the code measured.

function git(args) {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}
function tool(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.error || r.status !== 0 ? undefined : (r.stdout || r.stderr).trim().split('\n')[0];
}
const cpu = cpus();
const machine = {
  date: new Date().toISOString().slice(0, 10),
  commit: git(['rev-parse', '--short', 'HEAD']) ?? 'unknown',
  dirty: (git(['status', '--porcelain', '--untracked-files=no', '--', 'src', 'plan', 'bin', 'scripts/build.mjs', 'package.json']) ?? '') !== '',
  node: process.version,
  os: `${platform()} ${release()}`,
  cpu: cpu[0]?.model?.trim() ?? 'unknown',
  cores: cpu.length,
  memGB: totalmem() / 2 ** 30,
  miller: tool('mlr', ['--version']),
};
const machineLine = `node ${machine.node}, ${machine.os}, ${machine.cpu} × ${machine.cores} cores, ${fmt(machine.memGB, 1)} GiB RAM`;
const codeLine = `commit ${machine.commit}${machine.dirty ? ' + uncommitted changes' : ''}, ${machine.date}`;
console.log(`machine: ${machineLine}`);
console.log(`code:    ${codeLine}`);
console.log(`miller:  ${machine.miller ?? 'not installed'}`);
// Other work on the machine inflates every figure here; say how busy it was before the
// bench added its own load.
const loadStart = loadavg()[0];
const busy = (load) => (load > 0.5 ? ` — the machine is busy; figures will be inflated` : '');
console.log(`load:    ${fmt(loadStart)} (1-minute average, ${machine.cores} cores)${busy(loadStart)}`);
console.log('');

// ---------------------------------------------------------------------------------------
// Part 1: start-up.

const startup = [];
let startupRatio;
if (!flag('BENCH_SKIP_STARTUP')) {
  const sample = ['evaluate', join(root, 'samples/taizhou-2020-2025.csv'), '--regions', join(root, 'samples/townships.csv')];
  const cases = {
    'node -e 0': [process.execPath, ['-e', '0']],
    'plancheck --version': [process.execPath, [bin, '--version']],
    'plancheck evaluate sample (table)': [process.execPath, [bin, ...sample]],
    'plancheck evaluate sample --format json': [process.execPath, [bin, ...sample, '--format', 'json']],
  };
  const time = ([cmd, args]) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: root });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return ms;
  };
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (const c of Object.values(cases)) time(c); // warm the file cache
  for (let i = 0; i < runs; i++) for (const [k, c] of Object.entries(cases)) samples[k].push(time(c));

  const base = median(samples['node -e 0']);
  console.log(`start-up, median of ${runs} interleaved runs`);
  for (const [k, xs] of Object.entries(samples)) {
    const m = median(xs);
    startup.push({ name: k, ms: m, ratio: m / base });
    console.log(`${k.padEnd(42)} ${m.toFixed(1).padStart(7)} ms   ${(m / base).toFixed(2)}× node -e 0`);
  }
  startupRatio = median(samples['plancheck evaluate sample (table)']) / base;
  console.log(`goal: whole-plan evaluation of the sample ≤ ${GOALS.startup.toFixed(2)}× node -e 0 — ${startupRatio <= GOALS.startup ? 'met' : 'not met'} (${startupRatio.toFixed(2)}×)`);
  console.log('');
}

// ---------------------------------------------------------------------------------------
// Part 2: scale.

/** GNU time, when /usr/bin/time is it: wall and peak RSS of any command, as the kernel counts them. */
const gnuTime = (() => {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, '-e', '0'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+(\.\d+)? \d+\s*$/u.test(r.stderr.trim().split('\n').pop() ?? '') ? '/usr/bin/time' : undefined;
})();

/**
 * Run a command in its own process group, stdout to `stdoutPath`, stderr to a file; wall time
 * by the clock, peak RSS by GNU time (or, without it, by a preload that reports a node
 * process's own maxRSS; other commands then have none). Killed, with its group, after the time-out.
 */
function measure(name, cmd, args, { stdoutPath, stderrPath, isNode, stdinFrom }) {
  const timeFile = `${stderrPath}.time`;
  const rssFile = `${stderrPath}.rss`;
  let argv;
  const childEnv = { ...env };
  if (gnuTime) argv = [gnuTime, ['-f', '%e %M', '-o', timeFile, cmd, ...args]];
  else if (isNode) {
    argv = [cmd, ['--require', rssPreload, ...args]];
    childEnv.BENCH_RSS_FILE = rssFile;
  } else argv = [cmd, args];
  for (const f of [timeFile, rssFile]) if (existsSync(f)) writeFileSync(f, '');
  const out = openSync(stdoutPath, 'w');
  const err = openSync(stderrPath, 'w');
  return new Promise((resolvePromise) => {
    const t0 = process.hrtime.bigint();
    // stdinFrom: a file `cat` pipes in, as a user's `cat FILE | plancheck evaluate -` does.
    const producer = stdinFrom ? spawn('cat', [stdinFrom], { stdio: ['ignore', 'pipe', 'ignore'] }) : undefined;
    const child = spawn(argv[0], argv[1], { cwd: root, env: childEnv, stdio: [producer ? producer.stdout : 'ignore', out, err], detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    let settled = false;
    const done = (code, signal, error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      closeSync(out);
      closeSync(err);
      let rssKB;
      const status = code;
      if (gnuTime && existsSync(timeFile)) {
        const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
        const m = /^(\d+(?:\.\d+)?) (\d+)$/u.exec(lines.at(-1) ?? '');
        if (m) rssKB = Number(m[2]);
        const sig = lines.map((l) => /terminated by signal (\d+)/u.exec(l)).find(Boolean);
        if (sig) signal = `signal ${sig[1]}`;
      } else if (existsSync(rssFile)) {
        const v = Number(readFileSync(rssFile, 'utf8'));
        if (v > 0) rssKB = v;
      }
      resolvePromise({ name, wall, rssMB: rssKB !== undefined ? (rssKB * 1024) / 1e6 : NaN, status, signal: signal ?? null, timedOut, error });
    };
    child.on('error', (e) => done(null, null, e));
    child.on('exit', (code, signal) => done(code, signal ?? null));
  });
}

/** The last lines of a (possibly large) file. */
function tail(path, maxBytes = 4000) {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(Math.min(size, maxBytes));
  readSync(fd, buf, 0, buf.length, size - buf.length);
  closeSync(fd);
  return (size > maxBytes ? '…' : '') + buf.toString('utf8');
}

/** Read a file once so that every tool finds it in the page cache. */
function warm(path) {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 22);
  while (readSync(fd, buf, 0, buf.length, null) > 0);
  closeSync(fd);
}

/**
 * The reference return at `rows` rows, in BENCH_DIR/reference-ROWS/ (returns.csv, regions.csv),
 * written by the generator unless a meta file there says the same generator (by its hash)
 * wrote it for the same rows. With BENCH_GENERATOR=project, scripts/gen-large.mjs's return.
 */
function referenceReturn(rows) {
  if (!generatorPath) return generateLarge({ rows, out: benchDir, log: (s) => console.log(`  ${s}`) });
  if (!existsSync(generatorPath)) {
    console.error(`the reference return's generator is not at ${generatorPath}: set BENCH_GENERATOR (or BENCH_GENERATOR=project)`);
    process.exit(1);
  }
  const dir = join(benchDir, `reference-${rows}`);
  const returns = join(dir, 'returns.csv');
  const townships = join(dir, 'regions.csv');
  const metaPath = join(dir, 'meta.json');
  const generator = createHash('sha256').update(readFileSync(generatorPath)).digest('hex').slice(0, 16);
  let meta;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch {
    meta = undefined;
  }
  const cached = meta?.generator === generator && meta.requested === rows && existsSync(returns) && existsSync(townships) && statSync(returns).size === meta.returnsBytes;
  if (!cached) {
    mkdirSync(dir, { recursive: true });
    console.log(`  writing the reference return: node ${generatorPath} ${dir} ${rows}`);
    const r = spawnSync(process.execPath, [generatorPath, dir, String(rows)], { encoding: 'utf8' });
    const m = /(\d+) rows, (\d+) units/u.exec(r.stderr ?? '');
    if (r.status !== 0 || !m) {
      console.error(`the generator failed (exit ${r.status}):\n${r.stderr}`);
      process.exit(1);
    }
    meta = { generator, requested: rows, rows: Number(m[1]), units: Number(m[2]), returnsBytes: statSync(returns).size };
    writeFileSync(metaPath, `${JSON.stringify(meta)}\n`);
  }
  return { returns, townships, rows: meta.rows, units: meta.units, returnsBytes: meta.returnsBytes, townshipsBytes: statSync(townships).size, cached };
}

/**
 * DuckDB's Node client (@duckdb/node-api, which ships DuckDB itself) where it can be found:
 * in BENCH_DUCKDB_DIR, in BENCH_DIR, or in this repository (it is not one of its dependencies).
 */
function findDuckDb() {
  for (const dir of [env.BENCH_DUCKDB_DIR, benchDir, root].filter(Boolean)) {
    try {
      return pathToFileURL(createRequire(join(resolve(dir), 'noop.js')).resolve('@duckdb/node-api')).href;
    } catch {
      // not there
    }
  }
  return undefined;
}

let rssPreload;
const scale = []; // { size, rows, bytes, tool, wall, rssMB, runs, note }
let scaleRef = 'Miller';
if (!flag('BENCH_SKIP_SCALE') && sizes.length) {
  mkdirSync(benchDir, { recursive: true });
  const work = join(benchDir, `run-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const csvParseUrl = import.meta.resolve('csv-parse');

  // The baselines, as small scripts beside the data.
  const csvParseScript = join(benchDir, 'csv-parse-sum.mjs');
  writeFileSync(
    csvParseScript,
    `// csv-parse as commonly used: a stream, columns: true, one object a row; sums by indicator, year.
import { createReadStream } from 'node:fs';
import { parse } from ${JSON.stringify(csvParseUrl)};
const sums = new Map();
for await (const r of createReadStream(process.argv[2]).pipe(parse({ columns: true }))) {
  const k = r.indicator + '\\t' + r.year;
  let s = sums.get(k);
  if (!s) sums.set(k, (s = [0, 0]));
  s[0] += Number(r.numerator);
  s[1] += Number(r.denominator);
}
let numerator = 0, denominator = 0;
for (const [n, d] of sums.values()) { numerator += n; denominator += d; }
console.log(JSON.stringify({ groups: sums.size, numerator, denominator }));
`,
  );
  const splitScript = join(benchDir, 'split-sum.mjs');
  writeFileSync(
    splitScript,
    `// The floor: a naive split('\\n') / split(',') loop over a UTF-8 stream (no quotes), sums by indicator, year.
import { createReadStream } from 'node:fs';
const sums = new Map();
let rest = '', cols;
const row = (line) => {
  if (line.endsWith('\\r')) line = line.slice(0, -1);
  if (line === '') return;
  const f = line.split(',');
  if (!cols) { cols = ['indicator', 'year', 'numerator', 'denominator'].map((c) => f.indexOf(c)); return; }
  const k = f[cols[0]] + '\\t' + f[cols[1]];
  let s = sums.get(k);
  if (!s) sums.set(k, (s = [0, 0]));
  s[0] += Number(f[cols[2]]);
  s[1] += Number(f[cols[3]]);
};
for await (const chunk of createReadStream(process.argv[2], { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const lines = (rest + chunk).split('\\n');
  rest = lines.pop();
  for (const line of lines) row(line);
}
row(rest);
let numerator = 0, denominator = 0;
for (const [n, d] of sums.values()) { numerator += n; denominator += d; }
console.log(JSON.stringify({ groups: sums.size, numerator, denominator }));
`,
  );
  const duckdbUrl = findDuckDb();
  const duckdbScript = join(benchDir, 'duckdb-sum.mjs');
  if (duckdbUrl)
    writeFileSync(
      duckdbScript,
      `// DuckDB: read_csv, then the sums by indicator, year (its own threads, as it runs by default).
import { DuckDBInstance } from ${JSON.stringify(duckdbUrl)};
const connection = await (await DuckDBInstance.create(':memory:')).connect();
const file = process.argv[2].replaceAll("'", "''");
const reader = await connection.runAndReadAll(\`SELECT indicator, year, sum(numerator) AS n, sum(denominator) AS d FROM read_csv('\${file}') GROUP BY indicator, year\`);
let numerator = 0, denominator = 0;
const rows = reader.getRows();
for (const [, , n, d] of rows) { numerator += Number(n); denominator += Number(d); }
console.log(JSON.stringify({ groups: rows.length, numerator, denominator }));
`,
    );
  rssPreload = join(benchDir, 'rss-preload.cjs');
  writeFileSync(rssPreload, "process.on('exit', () => { try { require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n");

  if (!machine.miller) {
    scaleRef = 'csv-parse';
    console.log('Miller (mlr) is not installed: its rows are skipped and ratios are to csv-parse instead.');
    console.log('Install it to compare with the goal: `sudo apt-get install miller` (Debian/Ubuntu), `brew install miller` (macOS).');
    console.log('');
  }
  if (!duckdbUrl) {
    console.log('DuckDB (@duckdb/node-api) not found: its rows are skipped. To compare with it, install it outside this repository:');
    console.log(`  mkdir -p ${benchDir} && cd ${benchDir} && npm install @duckdb/node-api   (or BENCH_DUCKDB_DIR=a folder where it is installed)`);
    console.log('');
  }
  if (!gnuTime) console.log('GNU time (/usr/bin/time) not found: peak RSS is read by the node processes themselves, and is missing for Miller.\n');

  const tools = [
    { name: 'plancheck', isNode: true, run: (f, t) => [process.execPath, [bin, 'evaluate', f, '--regions', t, '--format', 'json', ...extraArgs]], out: 'null' },
    ...(machine.miller ? [{ name: 'Miller', isNode: false, run: (f) => ['mlr', ['--icsv', '--ojson', 'stats1', '-a', 'sum', '-f', 'numerator,denominator', '-g', 'indicator,year', f]], out: 'file' }] : []),
    ...(duckdbUrl ? [{ name: 'DuckDB', isNode: true, run: (f) => [process.execPath, [duckdbScript, f]], out: 'file' }] : []),
    { name: 'csv-parse', isNode: true, run: (f) => [process.execPath, [csvParseScript, f]], out: 'file' },
    { name: 'split loop', isNode: true, run: (f) => [process.execPath, [splitScript, f]], out: 'file' },
  ];

  /** Totals of numerator and denominator from a tool's output, to check the tools read the same file alike. */
  const totals = (toolName, path) => {
    try {
      const text = readFileSync(path, 'utf8');
      if (toolName === 'Miller') {
        const groups = JSON.parse(text);
        return { groups: groups.length, numerator: groups.reduce((s, g) => s + Number(g.numerator_sum), 0), denominator: groups.reduce((s, g) => s + Number(g.denominator_sum), 0) };
      }
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };

  let plancheckGaveUp; // after a time-out, larger files are not tried
  console.log(`scale: ${sizes.join(', ')} rows, median of ${scaleRuns} interleaved rounds, time-out ${timeoutMs / 1000} s a run, files in ${benchDir}`);
  console.log(`plancheck evaluate FILE --regions TOWNSHIPS --format json${extraArgs.length ? ` ${extraArgs.join(' ')}` : ''} > /dev/null`);
  for (const size of sizes) {
    const gen = referenceReturn(size);
    console.log(`\n${size} rows requested: ${gen.returns} — ${gen.rows} rows, ${gen.units} units, ${gen.indicators ? `${gen.indicators.length} indicators, ` : ''}${fmt(mb(gen.returnsBytes), 1)} MB${gen.cached ? ' (cached)' : ''}`);
    warm(gen.returns);
    const results = Object.fromEntries(tools.map((t) => [t.name, []]));
    const notes = {};
    const skip = new Set();
    if (plancheckGaveUp) {
      skip.add('plancheck');
      notes.plancheck = `not run: ${plancheckGaveUp}`;
    }
    for (let round = 1; round <= scaleRuns; round++) {
      for (const t of tools) {
        if (skip.has(t.name)) continue;
        const [cmd, args] = t.run(gen.returns, gen.townships);
        const base = join(work, `${size}-${t.name.replace(/\W/gu, '')}`);
        const stdoutPath = t.out === 'null' ? '/dev/null' : `${base}.out`;
        const r = await measure(t.name, cmd, args, { stdoutPath, stderrPath: `${base}.err`, isNode: t.isNode });
        const ok = !r.error && !r.timedOut && !r.signal && (r.status === 0 || (t.name === 'plancheck' && r.status === 1));
        const line = `  round ${round} ${t.name.padEnd(10)} ${fmt(r.wall).padStart(8)} s ${fmt(r.rssMB, 0).padStart(6)} MB`;
        if (ok) {
          results[t.name].push(r);
          console.log(`${line}${t.name === 'plancheck' ? `  exit ${r.status}` : ''}`);
          if (round === 1 && t.out === 'file') {
            const tot = totals(t.name, `${base}.out`);
            if (tot) t.totals = tot;
          }
          continue;
        }
        skip.add(t.name);
        const why = r.error
          ? `could not start: ${r.error.message}`
          : r.timedOut
            ? `timed out after ${timeoutMs / 1000} s (killed; BENCH_TIMEOUT sets the limit)`
            : r.signal
              ? `killed by ${r.signal}`
              : `exited ${r.status}`;
        const said = tail(`${base}.err`).split('\n').map((l) => l.trim()).find((l) => /error|exception|out of memory/iu.test(l));
        const spent = r.error || r.timedOut ? '' : ` (after ${fmt(r.wall, 0)} s${Number.isFinite(r.rssMB) ? `, ${fmt(r.rssMB, 0)} MB` : ''})`;
        notes[t.name] = `${said ? `${why}: ${said.replace(/^plancheck: /u, '').slice(0, 120)}` : why}${spent}`;
        console.log(`${line}  FAILED: ${why}`);
        const stderr = tail(`${base}.err`).trimEnd();
        if (stderr) console.log(`  --- stderr of ${cmd} ${args.join(' ')} (end) ---\n${stderr.replace(/^/gmu, '  | ')}\n  ---`);
        if (t.name === 'plancheck' && r.status === 2 && !r.timedOut) {
          console.error(`\nplancheck rejected the generated return (exit 2, input error): the bench data or plancheck's reading of it is wrong; the figures would mean nothing.`);
          process.exit(2);
        }
        failed = 1;
        if (t.name === 'plancheck' && r.timedOut) plancheckGaveUp = `timed out at ${size} rows`;
      }
    }
    // The three group-sums must agree, or one of them read the file differently.
    const sums = tools.filter((t) => t.totals).map((t) => [t.name, t.totals]);
    const disagree = sums.filter(([, s]) => s.numerator !== sums[0][1].numerator || s.denominator !== sums[0][1].denominator || s.groups !== sums[0][1].groups);
    if (sums.length > 1) {
      const [, s] = sums[0];
      console.log(disagree.length ? `  group sums DISAGREE: ${sums.map(([n, s]) => `${n} ${JSON.stringify(s)}`).join('; ')}` : `  group sums agree (${s.groups} groups, Σ numerator ${s.numerator}, Σ denominator ${s.denominator})`);
      if (disagree.length) failed = 1;
    }
    for (const t of tools) {
      const rs = results[t.name];
      scale.push({ size, rows: gen.rows, bytes: gen.returnsBytes, townshipBytes: gen.townshipsBytes, tool: t.name, wall: median(rs.map((r) => r.wall)), rssMB: median(rs.map((r) => r.rssMB)), runs: rs.length, note: notes[t.name] });
    }
    for (const t of tools) delete t.totals;
  }

  // The table.
  console.log(`\nscale, median of ${scaleRuns} rounds (wall by the clock, peak RSS by ${gnuTime ? 'GNU time %M' : 'the node processes'}):`);
  const refOf = (size) => scale.find((s) => s.size === size && s.tool === scaleRef);
  console.log(`${'tool'.padEnd(11)} ${'rows'.padStart(10)} ${'file MB'.padStart(8)} ${'wall s'.padStart(8)} ${'peak RSS MB'.padStart(12)} ${`× ${scaleRef}`.padStart(12)}`);
  for (const s of scale) {
    const ref = refOf(s.size);
    console.log(`${s.tool.padEnd(11)} ${String(s.rows).padStart(10)} ${fmt(mb(s.bytes), 1).padStart(8)} ${fmt(s.wall).padStart(8)} ${fmt(s.rssMB, 0).padStart(12)} ${fmt(ref ? s.wall / ref.wall : NaN).padStart(12)}${s.note ? `  (${s.note})` : ''}`);
  }
  console.log('');
  for (const size of sizes) {
    const p = scale.find((s) => s.size === size && s.tool === 'plancheck');
    const m = scale.find((s) => s.size === size && s.tool === 'Miller');
    const ratio = p && m ? p.wall / m.wall : NaN;
    console.log(`goal at ${p?.rows ?? size} rows: plancheck ≤ ${fmt(GOALS.vsMiller, 1)}× Miller — ${Number.isFinite(ratio) ? `${ratio <= GOALS.vsMiller ? 'met' : 'not met'} (${fmt(ratio)}×)` : `not measured${machine.miller ? '' : ' (Miller not installed)'}`}`);
    const d = scale.find((s) => s.size === size && s.tool === 'DuckDB');
    const vsDuck = p && d && d.runs ? p.wall / d.wall : NaN;
    console.log(`aim at ${p?.rows ?? size} rows: plancheck ≤ ${fmt(GOALS.vsDuckDB, 1)}× DuckDB — ${Number.isFinite(vsDuck) ? `${vsDuck <= GOALS.vsDuckDB ? 'met' : 'not met'} (${fmt(vsDuck)}×)` : 'not measured (DuckDB not found)'}`);
    console.log(`goal at ${p?.rows ?? size} rows: plancheck peak RSS ≤ ${GOALS.rssMB} MB — ${Number.isFinite(p?.rssMB) ? `${p.rssMB <= GOALS.rssMB ? 'met' : 'not met'} (${fmt(p.rssMB, 0)} MB)` : 'not measured'}`);
  }
  const measured = scale.filter((s) => s.tool === 'plancheck' && Number.isFinite(s.rssMB));
  if (sizes.length >= 2) {
    const baseSize = measured.find((s) => s.size === 1_000_000) ?? measured[0];
    const top = measured.at(-1);
    if (baseSize && top && top !== baseSize) {
      const flat = top.rssMB / baseSize.rssMB;
      console.log(`goal: peak RSS ≤ +${fmt((GOALS.flat - 1) * 100, 0)} % from ${baseSize.rows} to ${top.rows} rows (≤ ${fmt(GOALS.flat)}×) — ${flat <= GOALS.flat ? 'met' : 'not met'} (${fmt(flat)}×: ${fmt(baseSize.rssMB, 0)} → ${fmt(top.rssMB, 0)} MB)`);
    } else console.log('goal: peak RSS flat — not measured (plancheck ran at fewer than two sizes)');
  }
  // The runs' outputs and stderr are kept only when something failed.
  if (failed) console.log(`\nstdout and stderr of the runs: ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------
// 3. Memory (BENCH_MEMORY=1): standard input against a path, and an error storm against one a
// quarter its size (a return under 4 MiB is held whole: not the baseline wanted). One run each, one at a time.

const memory = []; // { name, rssMB, wall, baseline, ratio, goal }
if (flag('BENCH_MEMORY')) {
  mkdirSync(benchDir, { recursive: true });
  const work = join(benchDir, `memory-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const run = async (name, args, opts = {}) => {
    const r = await measure(name, process.execPath, [bin, ...args], { stdoutPath: join(work, 'out'), stderrPath: join(work, 'err'), isNode: true, ...opts });
    // Exit 1 (targets not met) and 2 (the storm's errors) are runs; a crash is not.
    if (r.status === null || r.status > 2) {
      console.log(`  ${name}: FAILED (${r.signal ?? `exit ${r.status}`})\n${tail(join(work, 'err'))}`);
      failed = 1;
    }
    console.log(`  ${name}: ${fmt(r.wall)} s, peak RSS ${fmt(r.rssMB, 0)} MB`);
    return r;
  };
  const size = Math.max(...sizes);
  const gen = referenceReturn(size);
  warm(gen.returns);
  console.log(`\nmemory: the reference return at ${gen.rows} rows, from a path and on standard input`);
  const common = ['--regions', gen.townships, '--format', 'json', ...extraArgs];
  const path = await run('path', ['evaluate', gen.returns, ...common]);
  const stdin = await run('stdin (cat |)', ['evaluate', '-', ...common], { stdinFrom: gen.returns });
  memory.push({ name: `reference return, ${gen.rows.toLocaleString('en-US')} rows: \`cat FILE | plancheck evaluate -\` against the path`, rssMB: stdin.rssMB, wall: stdin.wall, baseline: path.rssMB, goal: 1.5 });

  const stormRows = Number(env.BENCH_STORM_ROWS ?? 1_000_000);
  const storm = (rows) => {
    const file = join(benchDir, `storm-${rows}.csv`);
    if (existsSync(file)) return file;
    // Every row in a year out of range: one error a row, of one kind.
    const fd = openSync(file, 'w');
    writeFileSync(fd, 'indicator,region,year,value\n');
    for (let i = 0; i < rows; i += 10_000) {
      let chunk = '';
      for (let k = i; k < Math.min(rows, i + 10_000); k++) chunk += `新生儿死亡率,泰州市,${2200 + (k % 50)},1.5\n`;
      writeFileSync(fd, chunk);
    }
    closeSync(fd);
    return file;
  };
  const baseRows = Math.round(stormRows / 4);
  console.log(`memory: a storm of ${stormRows} rows in a year out of range, against ${baseRows}`);
  const small = await run(`storm ${baseRows}`, ['evaluate', storm(baseRows), '--diagnostics', join(work, 'small.csv')]);
  const large = await run(`storm ${stormRows}`, ['evaluate', storm(stormRows), '--diagnostics', join(work, 'large.csv')]);
  memory.push({ name: `error storm, ${stormRows.toLocaleString('en-US')} rows with --diagnostics, against ${baseRows.toLocaleString('en-US')}`, rssMB: large.rssMB, wall: large.wall, baseline: small.rssMB, goal: 1.25 });
  for (const m of memory) {
    m.ratio = m.rssMB / m.baseline;
    console.log(`goal: ${m.name} ≤ ${fmt(m.goal)}× — ${m.ratio <= m.goal ? 'met' : 'not met'} (${fmt(m.ratio)}×: ${fmt(m.baseline, 0)} → ${fmt(m.rssMB, 0)} MB)`);
  }
  rmSync(work, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------
// Markdown, ready to paste into docs/performance.md.

const md = [];
md.push(`Measured ${machine.date}, ${codeLine.replace(/, \d{4}-\d\d-\d\d$/u, '')}; ${machineLine}${machine.miller ? `; ${machine.miller}` : ''}; load average ${fmt(loadStart)} before the bench started.`);
if (startup.length) {
  md.push('', `Start-up, median of ${runs} interleaved runs:`, '', '| command | median ms | × node -e 0 |', '|---|---:|---:|');
  for (const s of startup) md.push(`| \`${s.name}\` | ${fmt(s.ms, 1)} | ${fmt(s.ratio)} |`);
}
if (scale.length) {
  md.push('', `Scale, median of ${scaleRuns} interleaved rounds${extraArgs.length ? ` (plancheck with \`${extraArgs.join(' ')}\`)` : ''}:`, '');
  md.push(`| rows | file MB | tool | wall s | peak RSS MB | × ${scaleRef} |`, '|---:|---:|---|---:|---:|---:|');
  for (const s of scale) {
    const ref = scale.find((x) => x.size === s.size && x.tool === scaleRef);
    const figures = s.runs ? `${fmt(s.wall)} | ${fmt(s.rssMB, 0)} | ${fmt(ref && ref.runs ? s.wall / ref.wall : NaN)}` : `${s.note ?? 'not run'} | – | –`;
    md.push(`| ${s.rows.toLocaleString('en-US')} | ${fmt(mb(s.bytes), 1)} | ${s.tool} | ${figures} |`);
  }
}
if (scale.length) {
  md.push('');
  for (const size of sizes) {
    const at = (tool) => scale.find((s) => s.size === size && s.tool === tool && s.runs);
    const p = at('plancheck');
    if (!p) continue;
    const ratio = (tool) => (at(tool) ? `${fmt(p.wall / at(tool).wall)}× ${tool}` : `${tool} not measured`);
    md.push(`- ${p.rows.toLocaleString('en-US')} rows: plancheck ${fmt(p.wall)} s, peak RSS ${fmt(p.rssMB, 0)} MB; ${ratio('Miller')}, ${ratio('DuckDB')}.`);
  }
  const ps = sizes.map((size) => scale.find((s) => s.size === size && s.tool === 'plancheck' && s.runs)).filter(Boolean);
  if (ps.length >= 2) md.push(`- peak RSS from ${ps[0].rows.toLocaleString('en-US')} to ${ps.at(-1).rows.toLocaleString('en-US')} rows: ${fmt(ps.at(-1).rssMB / ps[0].rssMB)}× (goal ≤ ${fmt(GOALS.flat)}×).`);
}
if (memory.length) {
  md.push('', 'Memory, one run each:', '', '| case | baseline peak RSS MB | peak RSS MB | × | goal | wall s |', '|---|---:|---:|---:|---:|---:|');
  for (const m of memory) md.push(`| ${m.name.replaceAll('|', '\\|')} | ${fmt(m.baseline, 0)} | ${fmt(m.rssMB, 0)} | ${fmt(m.ratio)} | ≤ ${fmt(m.goal)} | ${fmt(m.wall)} |`);
}
if (startup.length || scale.length || memory.length) {
  const text = md.join('\n');
  console.log('\n----- Markdown for docs/performance.md -----\n');
  console.log(text);
  if (scale.length || memory.length) writeFileSync(join(benchDir, 'results.md'), `${text}\n`);
}
process.exitCode = failed;
