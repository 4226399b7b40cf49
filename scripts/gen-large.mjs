// A large synthetic return for the scale benchmark (npm run bench, docs/performance.md):
// ≈ 18,000 乡镇(街道) under the six 市(区) of plan/plan.yaml, the plan's % rate indicators with
// numerator and denominator, 2020–2025, and the --regions file that names the townships.
//
//   node scripts/gen-large.mjs --rows 1000000 --out DIR [--units 18000] [--seed 20250105] [--force]
//
// writes DIR/returns-<rows>.csv and DIR/townships-<units>.csv, each with a .meta.json beside it
// that records what it was made from; a file whose meta still matches is not written again.
// As a module: `import { generateLarge } from './gen-large.mjs'`.
//
// The data are made up (see samples/README.md); only the 市(区) codes and names are real.
//
// Shape:
// - units: the 市(区) of the plan (level below the top region) share the townships by fixed
//   weights; codes are the district code + 6 digits (321202000001 …), names the district's short
//   name + a number + 街道 or 镇 (海陵第0001街道), unique across the file.
// - rows: UTF-8 without BOM, LF, header `indicator,region,year,value,numerator,denominator`,
//   region as the township code. Rows scale by the number of indicators at a fixed number of
//   units: rows = units × 6 years × indicators, the smallest number of indicators that reaches
//   the rows asked for (18,000 units: 0.25 M → 3 indicators, 1 M → 10, 4 M → 38).
// - indicators: 适龄儿童免疫规划疫苗接种率 first (its target is every-unit at township level),
//   then every other `measure: rate`, unit `%` indicator in the order of the plan's area files
//   (sorted by file name) and of the indicators in them.
// - order: natural, unit-major — township after township (as a consolidated return appends
//   the units' forms), within a township indicator after indicator, within an indicator
//   2020 … 2025.
// - values: per (indicator, township) a level and a yearly trend, a denominator of 200–5,000
//   that drifts a little from year to year, numerator = round(denominator × rate),
//   value = numerator / denominator × 100 written with 2 decimals (so it agrees with the ratio
//   within its rounding). Year-on-year changes are bounded so the outlier check stays quiet.
//   The numbers of an indicator depend only on the seed and the indicator's position, so the
//   first 10 indicators of the 4 M file are the 1 M file's.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bump when the content for the same parameters changes, so cached files are rewritten. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_UNITS = 18_000;
export const DEFAULT_SEED = 20250105;
export const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const FIRST_INDICATOR = '适龄儿童免疫规划疫苗接种率';
/** Share of the townships per 市(区), in the plan's order (海陵, 高港, 姜堰, 兴化, 靖江, 泰兴). */
const DISTRICT_WEIGHTS = [2, 2, 3, 4, 3, 4];
/** One in this many townships of a 市(区) is a 街道, the rest are 镇. */
const STREET_EVERY = 5;

// sfc32 seeded through splitmix32: small, fast, and the same on every platform.
function splitmix32(a) {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}
export function prng(seed) {
  const s = splitmix32(seed >>> 0);
  let a = s();
  let b = s();
  let c = s();
  let d = s();
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** The plan's regions and its % rate indicators, in the order described above. */
export function readPlan(planDir = join(root, 'plan')) {
  const plan = parseYaml(readFileSync(join(planDir, 'plan.yaml'), 'utf8'));
  const top = plan.regions.find((r) => r.parent === undefined);
  if (!top) throw new Error(`${planDir}/plan.yaml: no top region`);
  const districts = plan.regions.filter((r) => r.parent === top.code);
  if (districts.length === 0) throw new Error(`${planDir}/plan.yaml: no region under ${top.name}`);
  const indicators = [];
  for (const f of readdirSync(planDir).filter((f) => f.endsWith('.yaml') && f !== 'plan.yaml' && f !== 'checks.yaml').sort()) {
    const area = parseYaml(readFileSync(join(planDir, f), 'utf8'));
    for (const ind of area?.indicators ?? []) {
      if (ind.measure === 'rate' && ind.unit === '%') indicators.push({ id: ind.id, name: ind.name, direction: ind.direction ?? 'higher', target: ind.target });
    }
  }
  const first = indicators.findIndex((i) => i.name === FIRST_INDICATOR);
  if (first > 0) indicators.unshift(...indicators.splice(first, 1));
  return { top, districts, indicators };
}

/** The townships: code, name, parent, population, spread over the districts by weight. */
export function townships(districts, units, seed = DEFAULT_SEED) {
  const weights = districts.map((_, i) => DISTRICT_WEIGHTS[i % DISTRICT_WEIGHTS.length]);
  const total = weights.reduce((s, w) => s + w, 0);
  // Largest remainder, so the counts add up to `units` exactly.
  const exact = weights.map((w) => (units * w) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < units; k++) counts[order[k % order.length][1]]++;
  const rand = prng(seed ^ 0x7a3c5e11);
  const out = [];
  districts.forEach((d, i) => {
    const short = d.aliases?.find((a) => /\p{Script=Han}/u.test(a)) ?? d.name.replace(/[市区县]$/u, '');
    if (counts[i] > 999_999) throw new Error(`more than 999,999 townships under ${d.name}`);
    for (let n = 1; n <= counts[i]; n++) {
      const street = n % STREET_EVERY === 1;
      out.push({
        code: `${d.code}${String(n).padStart(6, '0')}`,
        name: `${short}第${String(n).padStart(4, '0')}${street ? '街道' : '镇'}`,
        parent: d.code,
        population: Math.round((street ? 40_000 : 15_000) + rand() * (street ? 80_000 : 60_000)),
      });
    }
  });
  return out;
}

/** The smallest number of indicators for which units × years × indicators ≥ rows. */
export function indicatorsFor(rows, units, available) {
  const k = Math.max(1, Math.ceil(rows / (units * YEARS.length)));
  if (k > available) throw new Error(`${rows} rows need ${k} indicators at ${units} units; the plan has ${available} % rate indicators (raise --units)`);
  return k;
}

/** Rate level (0–1) and yearly trend for an indicator, from its direction and target. */
function profile(ind) {
  const t = ind.target?.kind === 'every-unit' ? ind.target.target : ind.target;
  const v = typeof t?.value === 'number' ? t.value / 100 : undefined;
  if (ind.direction === 'lower') {
    const level = v !== undefined ? Math.max(0.01, v * 0.9) : 0.15;
    return { lo: level * 0.7, hi: level * 1.2, trend: -level * 0.01, noise: level * 0.03 };
  }
  // Most units around or above a "higher" target, some below it.
  const level = v !== undefined ? Math.min(v, 0.99) : 0.93;
  return { lo: Math.max(0.5, level - 0.04), hi: Math.min(1, level + 0.03), trend: 0.001, noise: 0.004 };
}

function csvCell(s) {
  return /[",\n\r]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

/**
 * Write `path` through a temporary file (renamed when complete). `fill(w)` writes through `w`,
 * a byte writer over a 1 MiB buffer flushed as it fills: no string per row, so 4 M rows take a
 * few seconds.
 */
function writeStreamed(path, header, fill) {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  const size = 1 << 20;
  const buf = Buffer.allocUnsafe(size);
  let pos = 0;
  let bytes = 0;
  const flush = () => {
    if (pos > 0) writeSync(fd, buf, 0, pos);
    bytes += pos;
    pos = 0;
  };
  const w = {
    /** Room for a line of up to `n` bytes. */
    room(n) {
      if (pos + n > size) flush();
    },
    bytes(b) {
      if (pos + b.length > size) flush();
      if (b.length > size) {
        writeSync(fd, b);
        bytes += b.length;
        return;
      }
      b.copy(buf, pos);
      pos += b.length;
    },
    byte(c) {
      buf[pos++] = c;
    },
    /** A non-negative integer in decimal. */
    int(n) {
      if (n >= 10) w.int(Math.floor(n / 10));
      buf[pos++] = 48 + (n % 10);
    },
    /** hundredths as a decimal with 2 decimals: 9653 → 96.53. */
    fixed2(h) {
      w.int(Math.floor(h / 100));
      buf[pos++] = 46;
      buf[pos++] = 48 + (Math.floor(h / 10) % 10);
      buf[pos++] = 48 + (h % 10);
    },
    text(s) {
      w.bytes(Buffer.from(s, 'utf8'));
    },
  };
  try {
    w.text(header);
    fill(w);
    flush();
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return bytes;
}

function cached(path, meta) {
  const metaPath = `${path}.meta.json`;
  if (!existsSync(path) || !existsSync(metaPath)) return undefined;
  try {
    const old = JSON.parse(readFileSync(metaPath, 'utf8'));
    if (JSON.stringify(old.params) !== JSON.stringify(meta)) return undefined;
    if (statSync(path).size !== old.bytes) return undefined;
    return old;
  } catch {
    return undefined;
  }
}

/**
 * Generate (or find already generated) the return of at least `rows` rows and its regions file.
 * Returns the paths, the actual row and unit counts, the indicators used, the sizes, and
 * whether the files were reused.
 */
export function generateLarge({ rows, out, units = DEFAULT_UNITS, seed = DEFAULT_SEED, planDir = join(root, 'plan'), force = false, log = () => {} }) {
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a positive integer, not ${rows}`);
  if (!Number.isInteger(units) || units < 1) throw new Error(`units must be a positive integer, not ${units}`);
  mkdirSync(out, { recursive: true });
  const { districts, indicators: all } = readPlan(planDir);
  const k = indicatorsFor(rows, units, all.length);
  const indicators = all.slice(0, k);
  const units_ = townships(districts, units, seed);
  const actualRows = units_.length * YEARS.length * indicators.length;

  // The regions file.
  const townshipsPath = join(out, `townships-${units}.csv`);
  const tParams = { version: GENERATOR_VERSION, seed, units, districts: districts.map((d) => [d.code, d.name]) };
  let tMeta = force ? undefined : cached(townshipsPath, tParams);
  const townshipsCached = tMeta !== undefined;
  if (!tMeta) {
    const bytes = writeStreamed(townshipsPath, 'code,name,parent,population\n', (w) => {
      for (const t of units_) w.text(`${t.code},${t.name},${t.parent},${t.population}\n`);
    });
    tMeta = { params: tParams, bytes, units: units_.length };
    writeFileSync(`${townshipsPath}.meta.json`, `${JSON.stringify(tMeta, null, 2)}\n`);
    log(`wrote ${townshipsPath} (${units_.length} units, ${mb(bytes)})`);
  }

  // The return.
  const returnsPath = join(out, `returns-${rows}.csv`);
  const rParams = { ...tParams, rows, years: YEARS, indicators: indicators.map((i) => i.name) };
  let rMeta = force ? undefined : cached(returnsPath, rParams);
  const returnsCached = rMeta !== undefined;
  if (!rMeta) {
    const t0 = process.hrtime.bigint();
    // Every cell but the numbers is the same bytes again and again: encode them once.
    const COMMA = 44;
    const LF = 10;
    const names = indicators.map((i) => Buffer.from(`${csvCell(i.name)},`, 'utf8'));
    const codes = units_.map((t) => Buffer.from(`${t.code},`, 'ascii'));
    const years = YEARS.map((y) => Buffer.from(`${y},`, 'ascii'));
    const longest = Math.max(...names.map((b) => b.length)) + Math.max(...codes.map((b) => b.length)) + 64;
    const profiles = indicators.map(profile);
    const rands = indicators.map((_, i) => prng(seed + 0x1000 * (i + 1)));
    const n = YEARS.length;
    const bytes = writeStreamed(returnsPath, 'indicator,region,year,value,numerator,denominator\n', (w) => {
      for (let u = 0; u < units_.length; u++) {
        for (let i = 0; i < indicators.length; i++) {
          const r = rands[i];
          const p = profiles[i];
          const level = p.lo + r() * (p.hi - p.lo);
          let den = 200 + Math.floor(r() * 4801);
          for (let y = 0; y < n; y++) {
            if (y > 0) den = Math.max(100, Math.round(den * (0.97 + r() * 0.06)));
            const rate = Math.min(1, Math.max(0, level + p.trend * y + (r() * 2 - 1) * p.noise));
            const num = Math.round(den * rate);
            w.room(longest);
            w.bytes(names[i]);
            w.bytes(codes[u]);
            w.bytes(years[y]);
            // value = num / den × 100, rounded to 2 decimals: it agrees with the ratio within its rounding.
            w.fixed2(Math.round((num * 10000) / den));
            w.byte(COMMA);
            w.int(num);
            w.byte(COMMA);
            w.int(den);
            w.byte(LF);
          }
        }
      }
    });
    rMeta = { params: rParams, bytes, rows: actualRows, units: units_.length, indicators: indicators.length, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
    writeFileSync(`${returnsPath}.meta.json`, `${JSON.stringify(rMeta, null, 2)}\n`);
    log(`wrote ${returnsPath} (${actualRows} rows, ${indicators.length} indicators, ${mb(bytes)}, ${rMeta.seconds.toFixed(1)} s)`);
  }
  return {
    returns: returnsPath,
    townships: townshipsPath,
    rows: actualRows,
    units: units_.length,
    indicators: indicators.map((i) => i.name),
    returnsBytes: rMeta.bytes,
    townshipsBytes: tMeta.bytes,
    cached: returnsCached && townshipsCached,
  };
}

function mb(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function cli(argv) {
  const opts = { rows: undefined, out: undefined, units: DEFAULT_UNITS, seed: DEFAULT_SEED, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--rows') opts.rows = Number(value().replace(/[_,]/gu, ''));
    else if (a === '--out') opts.out = resolve(value());
    else if (a === '--units') opts.units = Number(value().replace(/[_,]/gu, ''));
    else if (a === '--seed') opts.seed = Number(value());
    else if (a === '--force') opts.force = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/gen-large.mjs --rows N --out DIR [--units 18000] [--seed N] [--force]');
      return;
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  if (opts.rows === undefined || opts.out === undefined) throw new Error('--rows and --out are required (try --help)');
  const r = generateLarge({ ...opts, log: (s) => console.error(s) });
  console.log(JSON.stringify(r, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    cli(process.argv.slice(2));
  } catch (e) {
    console.error(`gen-large: ${e.message}`);
    process.exit(2);
  }
}
