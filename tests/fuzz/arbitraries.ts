// Shared by the fuzz, limits, injection and writes tests: the fuzz budget (seeded, sized
// by PLANCHECK_FUZZ_RUNS), an in-memory Io for running main(argv, io) in-process against
// generated files, small plans built in code, and fast-check arbitraries for returns,
// hostile bytes and mutations of real returns and rule files.
import { appendFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import type { Indicator, Plan, Region, Target } from '../../src/plan/model.js';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

// ---- budget ---------------------------------------------------------------------

/**
 * The base number of cases of one property. CI runs the default (a seeded share that
 * keeps tests/fuzz under 30 s on 2 cores); scripts/fuzz.mjs raises it for ≥ 10,000 cases.
 */
export const FUZZ_RUNS = Math.max(1, Number.parseInt(process.env.PLANCHECK_FUZZ_RUNS ?? '', 10) || 60);
/** Fixed unless PLANCHECK_FUZZ_SEED says otherwise, so a CI failure reproduces. */
export const FUZZ_SEED = Number.parseInt(process.env.PLANCHECK_FUZZ_SEED ?? '', 10) || 20_210_101;

/** Cases of a property that costs `cost` times an in-process run (a spawned binary ≈ 50). */
export function runsFor(weight = 1): number {
  return Math.max(1, Math.round(FUZZ_RUNS * weight));
}

/** fast-check parameters of a property: seeded, sized, and without shrinking for too long. */
export function params(weight = 1): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: runsFor(weight) };
}

/** A test timeout for a property of this many runs at about `msPerRun` each. */
export function timeoutFor(weight: number, msPerRun: number): number {
  return 30_000 + runsFor(weight) * msPerRun * 3;
}

/**
 * A test file's tallies, each reported after the file's tests: call once at the top of the
 * file, then `tally(name)` in each property.
 */
export function talliesOfFile(): (name: string) => Tally {
  const tallies: Tally[] = [];
  afterAll(() => tallies.forEach((t) => t.report()));
  return (name) => {
    const t = new Tally(name);
    tallies.push(t);
    return t;
  };
}

/** What one property saw, for scripts/fuzz.mjs: cases, exit codes, stack traces. */
export class Tally {
  cases = 0;
  exits: Record<string, number> = {};
  stackTraces = 0;
  knownBugs: Record<string, number> = {};
  constructor(readonly name: string) {}

  known(id: string): void {
    this.cases++;
    this.knownBugs[id] = (this.knownBugs[id] ?? 0) + 1;
  }

  exit(code: number | null | string): void {
    this.cases++;
    const k = String(code);
    this.exits[k] = (this.exits[k] ?? 0) + 1;
  }

  /** Appends a JSON line to PLANCHECK_FUZZ_REPORT (scripts/fuzz.mjs reads it); a no-op otherwise. */
  report(): void {
    const path = process.env.PLANCHECK_FUZZ_REPORT;
    if (!path) return;
    appendFileSync(path, `${JSON.stringify({ name: this.name, cases: this.cases, exits: this.exits, stackTraces: this.stackTraces, knownBugs: this.knownBugs })}\n`);
  }
}

/**
 * Bugs outside tests/ that the fuzz finds, each pinned by an it.fails test: a run that
 * fails with exactly this signature is counted (scripts/fuzz.mjs prints the count) instead
 * of failing the property, so the fuzz keeps looking for new ones. Remove an entry when
 * its it.fails test starts to fail (the bug is fixed).
 */
export const KNOWN_BUGS: ReadonlyArray<{ id: string; signature: RegExp; pinnedBy: string }> = [
  // None open. Found and fixed so far, each now a regression test: a 单位 cell named like an
  // object property (tests/limits/prototype-keys.test.ts), a return file named like one (same).
];

/** The known bug a failed run shows, if any. */
export function knownBug(r: { code: number | null; stderr: string; thrown?: unknown }): string | undefined {
  const text = r.thrown !== undefined ? String((r.thrown as Error)?.message ?? r.thrown) : r.code === 70 ? r.stderr : '';
  return text ? KNOWN_BUGS.find((b) => b.signature.test(text))?.id : undefined;
}

/** Lines of a stack trace, which a user must never see. */
export const STACK_LINE = /^\s{4}at /m;

// ---- an in-memory Io ------------------------------------------------------------

export interface MemRun {
  code: number;
  stdout: string;
  stderr: string;
  written: Map<string, string>;
  /** Set when main threw instead of returning an exit code. */
  thrown?: unknown;
}

/**
 * An Io whose cwd is a virtual folder `/mem` holding `files`; any other path reads the
 * real disk (the bundled plan/, the plan cache in dist/). Nothing is written to disk.
 */
export function memIo(files: Record<string, Uint8Array | string>, options: { stdin?: Uint8Array; env?: Record<string, string> } = {}) {
  const mem = new Map<string, Uint8Array>();
  for (const [p, data] of Object.entries(files)) mem.set(resolve('/mem', p), typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  const dirs = new Set<string>();
  for (const p of mem.keys()) for (let d = dirname(p); d !== '/'; d = dirname(d)) dirs.add(d);
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const enoent = (p: string) => Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
  const io: Io = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    stdoutIsTTY: false,
    env: { NO_COLOR: '1', ...options.env },
    cwd: '/mem',
    readFile: (p) => {
      const hit = mem.get(p);
      if (hit) return hit;
      if (dirs.has(p)) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${p}'`), { code: 'EISDIR' });
      if (p.startsWith('/mem/') || p === '/mem') throw enoent(p);
      return readFileSync(p);
    },
    readStdin: () => options.stdin ?? new Uint8Array(),
    listDir: (p) => {
      if (dirs.has(p)) return [...new Set([...mem.keys(), ...dirs].filter((q) => dirname(q) === p).map((q) => q.slice(p.length + 1)))];
      return readdirSync(p);
    },
    isDir: (p) => {
      if (dirs.has(p)) return true;
      if (mem.has(p) || p.startsWith('/mem/')) return false;
      try {
        return statSync(p).isDirectory();
      } catch {
        return false;
      }
    },
    writeFileAtomic: (p, data) => void written.set(resolve(p), typeof data === "string" ? data : Buffer.from(data).toString("utf8")),
  };
  return { io, out, err, written };
}

/** main(argv, io) on in-memory files; an exception is caught and returned, never thrown. */
export async function runMem(argv: string[], files: Record<string, Uint8Array | string>, options: { stdin?: Uint8Array; env?: Record<string, string> } = {}): Promise<MemRun> {
  const { io, out, err, written } = memIo(files, options);
  try {
    const code = await main(argv, io);
    return { code, stdout: out.join(''), stderr: err.join(''), written };
  } catch (thrown) {
    return { code: -1, stdout: out.join(''), stderr: err.join(''), written, thrown };
  }
}

/** Why a run is not an acceptable outcome for hostile input (exit 0/1/2, no trace, errors located), or undefined. */
export function badOutcome(r: { code: number | null; stderr: string; thrown?: unknown }): string | undefined {
  if (r.thrown !== undefined) return `main threw: ${String((r.thrown as Error)?.stack ?? r.thrown)}`;
  if (r.code !== 0 && r.code !== 1 && r.code !== 2) return `exit ${r.code}: ${r.stderr.slice(0, 2000)}`;
  if (STACK_LINE.test(r.stderr)) return `stack trace on stderr: ${r.stderr.slice(0, 2000)}`;
  if (r.code === 2) {
    const lines = r.stderr.split('\n').filter(Boolean);
    // Every exit 2 says where (file:line[:col]: …) or what (plancheck: …, or commander's error: for usage) in words.
    if (!lines.some((l) => LOCATED.test(l) || l.startsWith('plancheck: ') || l.startsWith('error: '))) return `exit 2 without a message: ${r.stderr.slice(0, 2000)}`;
  }
  return undefined;
}

/** `file:line: ` or `file:line:col: ` (or a workbook's `file:Sheet!A1: `). */
export const LOCATED = /^[^\s:][^:]*:(?:\d+(?::\d+)?|[^:!]+![A-Z]+\d+): /;

/** The diagnostics lines of stderr that are errors: `file:line:col: 错误: … [code]`. */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /: (?:错误|error): /.test(l));
}

// ---- small plans built in code ---------------------------------------------------

export const CITY: Region = { code: '800000', name: 'Fuzzton', aliases: ['FZ'], level: 'city' };

/** The city and `count` districts below it (2 … 6). */
export function districts(count: number): Region[] {
  return Array.from({ length: count }, (_, i) => ({ code: `8000${String(i + 1).padStart(2, '0')}`, name: `District ${String.fromCharCode(65 + i)}`, aliases: [], level: 'district', parent: CITY.code }));
}

export function fuzzIndicator(partial: Partial<Indicator> & { id: string; target: Target }): Indicator {
  return {
    name: `Indicator ${partial.id}`,
    aliases: [],
    area: 'main',
    unit: '%',
    scale: 100,
    measure: 'rate',
    nature: 'events',
    direction: 'higher',
    text: 'a target',
    source: 'A sentence of the Fuzzton plan.',
    origin: { file: 'fuzz.yaml', line: 1 },
    ...partial,
  };
}

export function fuzzPlan(indicators: Indicator[], districtCount = 3): Plan {
  return {
    id: 'fuzzton-2025',
    title: 'Fuzzton Plan',
    period: { start: 2021, end: 2025 },
    baselineYear: 2020,
    midtermYear: 2023,
    finalYear: 2025,
    levels: [
      { id: 'city', name: 'City' },
      { id: 'district', name: 'District' },
    ],
    regions: [CITY, ...districts(districtCount)],
    areas: [{ id: 'main', name: 'Main' }],
    indicators,
    dir: '/nonexistent/fuzzton',
  };
}

// ---- returns as rows --------------------------------------------------------------

export interface Row {
  indicator: string;
  region: string;
  year: number;
  value?: number;
  numerator?: number;
  denominator?: number;
  sex?: '' | '男' | '女';
  note?: string;
}

export const HEADER = ['indicator', 'region', 'year', 'value', 'numerator', 'denominator', 'sex', 'note'];

/** A CSV cell, quoted when it needs to be. */
export function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function rowLine(r: Row): string {
  const n = (x: number | undefined) => (x === undefined ? '' : String(x));
  return [r.indicator, r.region, String(r.year), n(r.value), n(r.numerator), n(r.denominator), r.sex ?? '', r.note ?? ''].map(csvCell).join(',');
}

export function csvOf(rows: readonly Row[]): string {
  return `${[HEADER.join(','), ...rows.map(rowLine)].join('\n')}\n`;
}

// ---- arbitraries ----------------------------------------------------------------

/** A number a return could hold: 0 … 1000 with up to 3 decimals. */
export const value = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1000);

/** numerator ≤ denominator, both whole. */
export const ratio = fc.integer({ min: 1, max: 100_000 }).chain((den) => fc.integer({ min: 0, max: den }).map((num) => ({ numerator: num, denominator: den })));

/**
 * A simple target of a % rate, with the direction that agrees with it (a plan says
 * “at least” of a higher-is-better rate; a change target's sign is its good direction).
 */
export const simpleTarget: fc.Arbitrary<{ direction: 'higher' | 'lower'; target: Target }> = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((v) => ({ direction: 'higher' as const, target: { kind: 'at-least', value: v } as Target })),
  fc.integer({ min: 0, max: 100 }).map((v) => ({ direction: 'lower' as const, target: { kind: 'at-most', value: v } as Target })),
  fc.tuple(fc.constantFrom('higher' as const, 'lower' as const), fc.integer({ min: 0, max: 100 })).map(([direction, v]) => ({ direction, target: { kind: 'reach', value: v } as Target })),
  fc.tuple(fc.constantFrom('higher' as const, 'lower' as const), fc.integer({ min: 1, max: 100 })).map(([direction, v]) => ({ direction, target: { kind: 'about', value: v } as Target })),
  fc.integer({ min: -50, max: 50 }).map((v) => ({ direction: v < 0 ? ('lower' as const) : ('higher' as const), target: { kind: 'change', relative: v / 100 } as Target })),
  fc.integer({ min: -30, max: 30 }).map((v) => ({ direction: v < 0 ? ('lower' as const) : ('higher' as const), target: { kind: 'yearly-change', perYear: v / 10 } as Target })),
  fc.constantFrom('falling' as const, 'not-rising' as const).map((d) => ({ direction: 'lower' as const, target: { kind: 'trend', direction: d } as Target })),
  fc.constantFrom('rising' as const, 'not-falling' as const).map((d) => ({ direction: 'higher' as const, target: { kind: 'trend', direction: d } as Target })),
  fc.integer({ min: 0, max: 100 }).map((v) => ({ direction: 'higher' as const, target: { kind: 'every-unit', level: 'district', target: { kind: 'at-least', value: v } } as Target })),
  fc.integer({ min: 0, max: 100 }).map((v) => ({ direction: 'lower' as const, target: { kind: 'every-unit', level: 'district', target: { kind: 'at-most', value: v } } as Target })),
);

/** A small plan (1 … 3 rate indicators, 2 … 5 districts) and a return for it: rows by value or by numerator/denominator. */
export const planAndRows = fc
  .record({
    targets: fc.array(simpleTarget, { minLength: 1, maxLength: 3 }),
    districtCount: fc.integer({ min: 2, max: 5 }),
  })
  .chain(({ targets, districtCount }) => {
    const plan = fuzzPlan(
      targets.map((t, i) => fuzzIndicator({ id: `i${i}`, name: `Indicator ${i}`, direction: t.direction, target: t.target })),
      districtCount,
    );
    const regionNames = plan.regions.map((r) => r.name);
    const cell = fc.record({
      indicator: fc.constantFrom(...plan.indicators.map((i) => i.name)),
      region: fc.constantFrom(...regionNames),
      year: fc.constantFrom(2020, 2021, 2022, 2023),
      byRatio: fc.boolean(),
      value,
      ratio,
      note: fc.option(fc.constantFrom('note a', 'note b', '=cmd'), { nil: undefined }),
    });
    return fc.uniqueArray(cell, { minLength: 1, maxLength: 24, selector: (c) => `${c.indicator}|${c.region}|${c.year}` }).map((cells) => ({
      plan,
      rows: cells.map((c): Row => ({
        indicator: c.indicator,
        region: c.region,
        year: c.year,
        ...(c.byRatio ? c.ratio : { value: c.value }),
        ...(c.note !== undefined ? { note: c.note } : {}),
      })),
    }));
  });

// ---- hostile text and bytes -------------------------------------------------------

/** Names every plain object answers to: a lookup `table[text]` finds them. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'prototype'];

/** Pieces a hostile or broken return is made of: real header names, values, separators, quotes, control bytes. */
const TOKENS = [
  '指标', '地区', '年份', '数值', '分子', '分母', '性别', '城乡', '单位', '备注', 'indicator', 'region', 'year', 'value',
  '新生儿死亡率', '婴儿死亡率（‰）', '普惠性幼儿园覆盖率', '适龄儿童免疫规划疫苗接种率', '泰州市', '海陵区', '全市', '321202', '兴化',
  '2020', '2023', '2025年', '２０２３', '98.6', '９８．６', '0.30%', '3‰', '1,234', '—', '-', 'N/A', '无', '是', '否', '男', '女', '城市', '农村',
  ',', ',', ',', '\t', '\n', '\r\n', '\r', '"', '""', "'", '=', '+', '-1e309', '1e308', 'NaN', 'Infinity', '0x10', '\u0000', '\uFEFF', '\uFFFD',
  '\u202E', '𠀀', '{', '}', '[', ']', '&a', '*a', '%', '‰', '‱', '  ', '<script>', '|',
  // Names every object inherits: a lookup in a plain object finds them.
  ...PROTOTYPE_NAMES,
];

/** Text that looks enough like a return to get past the header, and then breaks it. */
export const csvLikeText = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: -99999, max: 99999 }).map(String) }), { maxLength: 120 })
  .map((parts) => parts.join(''));

/** Arbitrary bytes, sometimes behind a byte-order mark or a zip/OLE signature, so every decoder path is reached. */
export const hostileBytes = fc
  .tuple(
    fc.constantFrom<number[]>([], [], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0]),
    fc.uint8Array({ maxLength: 1024 }),
  )
  .map(([prefix, body]) => Uint8Array.from([...prefix, ...body]));

/** A byte-level edit of a file. */
export type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'gbk-line'; line: number }
  | { kind: 'cell'; line: number; field: number; text: string };

const position = fc.integer({ min: 0, max: 1_000_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant<'flip'>('flip'), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant<'insert'>('insert'), at: position, text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant<'delete'>('delete'), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant<'duplicate-line'>('duplicate-line'), line: position }),
  fc.record({ kind: fc.constant<'swap-lines'>('swap-lines'), a: position, b: position }),
  fc.record({ kind: fc.constant<'truncate'>('truncate'), at: position }),
  fc.record({ kind: fc.constant<'gbk-line'>('gbk-line'), line: position }),
  fc.record({ kind: fc.constant<'cell'>('cell'), line: position, field: position, text: fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ maxLength: 6 })) }),
);

/** A few GBK byte pairs (中 文 数 据), to mix encodings within one file. */
const GBK_BYTES = [0xd6, 0xd0, 0xce, 0xc4, 0xca, 0xfd, 0xbe, 0xdd];

export function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let b = Buffer.from(bytes);
  for (const m of mutations) {
    const at = (n: number) => (b.length === 0 ? 0 : n % (b.length + 1));
    const lines = () => b.toString('latin1').split('\n');
    const join = (ls: string[]) => Buffer.from(ls.join('\n'), 'latin1');
    switch (m.kind) {
      case 'flip':
        if (b.length) b[at(m.at) % b.length] = m.byte;
        break;
      case 'insert': {
        const i = at(m.at);
        b = Buffer.concat([b.subarray(0, i), Buffer.from(m.text, 'utf8'), b.subarray(i)]);
        break;
      }
      case 'delete': {
        const i = at(m.at);
        b = Buffer.concat([b.subarray(0, i), b.subarray(i + m.length)]);
        break;
      }
      case 'duplicate-line': {
        const ls = lines();
        const i = m.line % ls.length;
        ls.splice(i, 0, ls[i]!);
        b = join(ls);
        break;
      }
      case 'swap-lines': {
        const ls = lines();
        const i = m.a % ls.length;
        const j = m.b % ls.length;
        [ls[i], ls[j]] = [ls[j]!, ls[i]!];
        b = join(ls);
        break;
      }
      case 'truncate':
        b = b.subarray(0, at(m.at));
        break;
      case 'cell': {
        // One cell of a comma-separated line replaced: the row stays a row, with a bad cell.
        const ls = lines();
        const i = m.line % ls.length;
        const cells = ls[i]!.split(',');
        cells[m.field % cells.length] = Buffer.from(m.text, 'utf8').toString('latin1');
        ls[i] = cells.join(',');
        b = join(ls);
        break;
      }
      case 'gbk-line': {
        const ls = lines();
        const i = m.line % ls.length;
        ls[i] = `${ls[i]!}${Buffer.from(GBK_BYTES).toString('latin1')}`;
        b = join(ls);
        break;
      }
    }
  }
  return new Uint8Array(b);
}

/** The first `lines` lines of a real file of the repository (header included). */
export function head(path: string, lines: number): Uint8Array {
  const text = readFileSync(join(ROOT, path));
  let end = 0;
  for (let n = 0; n < lines && end < text.length; n++) {
    const next = text.indexOf(0x0a, end);
    end = next < 0 ? text.length : next + 1;
  }
  return new Uint8Array(text.subarray(0, end));
}

/** Real returns to mutate: the main sample's head, the GBK sample's head, and the CLI fixtures. */
export function realReturns(): Array<{ name: string; bytes: Uint8Array }> {
  const fixtures = readdirSync(join(ROOT, 'tests', 'fixtures', 'cli'))
    .filter((n) => n.endsWith('.csv'))
    .map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'cli', n))) }));
  return [
    { name: 'taizhou-2020-2025.csv', bytes: head('samples/taizhou-2020-2025.csv', 60) },
    { name: 'taizhou-2025-gbk.csv', bytes: head('samples/taizhou-2025-gbk.csv', 40) },
    ...fixtures,
  ];
}

/** YAML-level edits of a rule file: whole lines, indentation, values, hostile keys, anchors. */
export type YamlMutation =
  | { kind: 'delete-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'indent'; line: number; by: number }
  | { kind: 'replace-value'; line: number; text: string }
  | { kind: 'insert-line'; line: number; text: string }
  | { kind: 'bytes'; mutation: Mutation };

const YAML_VALUES = [
  '', '~', 'null', 'true', '-1', '0', '1e999', '.nan', '"x"', '[]', '{}', '[1, [2, [3]]]', '&a x', '*a', '*nope', '!!binary AAAA', '!!js/function "x"',
  '{ kind: at-least }', '{ kind: nope, value: 1 }', '{ kind: every-unit, level: nowhere, target: { kind: at-least, value: 1 } }', '"\u0000"', '|', '>', "'", '"',
  '{ __proto__: { polluted: true } }', '[*a, *a, *a]', '2020-01-01', '0x1F', '\t1',
];
const YAML_LINES = [
  '__proto__: { polluted: true }', 'constructor: { prototype: { polluted: true } }', 'x: &a [1, 2, 3]', 'y: [*a, *a, *a, *a]', '<<: *a', '- id: dup',
  '  - id: extra', 'area: nowhere', '---', '...', '%YAML 1.2', '? complex key', '  target: { kind: reach, value: 1 }', '\t- tab', '#comment',
];

export const yamlMutation: fc.Arbitrary<YamlMutation> = fc.oneof(
  fc.record({ kind: fc.constant<'delete-line'>('delete-line'), line: position }),
  fc.record({ kind: fc.constant<'duplicate-line'>('duplicate-line'), line: position }),
  fc.record({ kind: fc.constant<'indent'>('indent'), line: position, by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant<'replace-value'>('replace-value'), line: position, text: fc.constantFrom(...YAML_VALUES) }),
  fc.record({ kind: fc.constant<'insert-line'>('insert-line'), line: position, text: fc.constantFrom(...YAML_LINES) }),
  fc.record({ kind: fc.constant<'bytes'>('bytes'), mutation }),
);

export function mutateYaml(text: string, mutations: readonly YamlMutation[]): Uint8Array {
  let bytes: Uint8Array = Buffer.from(text, 'utf8');
  for (const m of mutations) {
    if (m.kind === 'bytes') {
      bytes = mutate(bytes, [m.mutation]);
      continue;
    }
    const ls = Buffer.from(bytes).toString('utf8').split('\n');
    const i = m.line % ls.length;
    const line = ls[i]!;
    switch (m.kind) {
      case 'delete-line':
        ls.splice(i, 1);
        break;
      case 'duplicate-line':
        ls.splice(i, 0, line);
        break;
      case 'indent':
        ls[i] = m.by >= 0 ? `${' '.repeat(m.by)}${line}` : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
        break;
      case 'replace-value': {
        const colon = line.indexOf(': ');
        ls[i] = colon >= 0 ? `${line.slice(0, colon + 2)}${m.text}` : `${line}${m.text}`;
        break;
      }
      case 'insert-line':
        ls.splice(i, 0, m.text);
        break;
    }
    bytes = Buffer.from(ls.join('\n'), 'utf8');
  }
  return bytes;
}

/** The rule files of a plan folder of the repository, by name. */
export function planFiles(dir: string): Record<string, string> {
  const abs = join(ROOT, dir);
  return Object.fromEntries(readdirSync(abs).filter((n) => /\.ya?ml$/.test(n)).map((n) => [n, readFileSync(join(abs, n), 'utf8')]));
}
