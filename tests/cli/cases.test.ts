// The command line as a user meets it: one table of cases run against the BUILT binary
// (node bin/plancheck → dist/), in the style of markdownlint-cli2's test cases.
// Every case also checks that standard error never shows a stack trace.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import {
  BIN, ROOT, SAMPLE, STACK_LINE, TOWNSHIPS, baseEnv, fixture, parseEvaluation, plancheck, tempDir, xmlProblems, type Run,
} from './helpers.js';
import { VERSION } from '../../src/cli/version.js';

// Each case starts the CLI (a process, or the engine in-process) on a 2 238-row return.
vi.setConfig({ testTimeout: 60_000 });

const S = [SAMPLE, '--regions', TOWNSHIPS];
const sampleBytes = readFileSync(join(ROOT, SAMPLE));
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Case {
  name: string;
  /** `{tmp}` is replaced by the case's own temporary directory. */
  args: string[];
  stdin?: string | Buffer;
  env?: Record<string, string | undefined>;
  /** Run in the case's temporary directory instead of the repository root. */
  inTmp?: boolean;
  /** Prepare the temporary directory before the run. */
  setup?: (tmp: string) => void;
  exitCode: number;
  stdout?: RegExp[];
  stderr?: RegExp[];
  notStdout?: RegExp[];
  notStderr?: RegExp[];
  /** Files in the temporary directory after the run: patterns their text must match, or null = must not exist. */
  files?: Record<string, RegExp[] | null>;
  /** Anything else to check. */
  check?: (run: Run, tmp: string) => void;
}

/** A copy of the bundled plan/ in the temporary directory, with health.yaml edited. */
const planCopyWith = (edit: (lines: string[]) => void) => (tmp: string) => {
  cpSync(join(ROOT, 'plan'), join(tmp, 'plan'), { recursive: true });
  const path = join(tmp, 'plan', 'health.yaml');
  const lines = readFileSync(path, 'utf8').split('\n');
  edit(lines);
  writeFileSync(path, lines.join('\n'));
};

/** The 1-based line of health.yaml that holds `text: ≤4` (infant mortality). */
const healthLines = readFileSync(join(ROOT, 'plan', 'health.yaml'), 'utf8').split('\n');
const infantTextLine = healthLines.findIndex((l) => l === '    text: ≤4') + 1;

describe('the version', () => {
  it('is package.json\'s, in the documents a run writes as in --version', () => {
    expect(VERSION).toBe(version);
  });
});

const cases: Case[] = [
  // ---- help and version ----
  { name: '--version prints the version', args: ['--version'], exitCode: 0, stdout: [new RegExp(`^${version.replaceAll('.', '\\.')}\\s*$`)] },
  { name: '--help lists the commands', args: ['--help'], exitCode: 0, stdout: [/用法：plancheck/, /evaluate/, /validate/, /check/, /indicators/] },
  { name: 'evaluate --help lists its options', args: ['evaluate', '--help'], exitCode: 0, stdout: [/--regions/, /--year/, /--format/, /--fail-on/, /-o, --output/] },

  // ---- usage errors: exit 2, a message, no stack trace ----
  { name: 'an unknown command', args: ['frobnicate'], exitCode: 2, stderr: [/不认识的命令 frobnicate/] },
  { name: 'an unknown option', args: ['evaluate', SAMPLE, '--frob'], exitCode: 2, stderr: [/不认识的选项 --frob/] },
  { name: 'a bad --format', args: ['evaluate', ...S, '--format', 'xls'], exitCode: 2, stderr: [/--format/, /xls/, /json/], stdout: [/^$/] },
  { name: 'a bad --year', args: ['evaluate', ...S, '--year', '20x3'], exitCode: 2, stderr: [/--year/, /20x3/] },
  { name: 'a bad --fail-on', args: ['evaluate', ...S, '--fail-on', 'sometimes'], exitCode: 2, stderr: [/--fail-on/, /sometimes/, /not-met/] },
  { name: 'a bad --lang', args: ['evaluate', ...S, '--lang', 'fr'], exitCode: 2, stderr: [/--lang/, /fr/] },
  { name: 'an unknown --region, with a suggestion', args: ['evaluate', ...S, '--region', '兴花'], exitCode: 2, stderr: [/兴花/, /兴化/], stdout: [/^$/] },
  { name: 'an unknown --indicator, with a suggestion', args: ['evaluate', ...S, '--indicator', '婴儿死忘率'], exitCode: 2, stderr: [/婴儿死忘率/, /婴儿死亡率/] },
  { name: 'a missing data file is named', args: ['evaluate', 'no-such-return.csv'], exitCode: 2, stderr: [/no-such-return\.csv/] },
  { name: 'a missing regions file is named', args: ['evaluate', SAMPLE, '--regions', 'no-such-regions.csv'], exitCode: 2, stderr: [/no-such-regions\.csv/] },
  { name: 'evaluate with no data file', args: ['evaluate'], exitCode: 2, stderr: [/请至少给出一个数据文件/] },
  {
    name: 'an -o with an unknown extension',
    args: ['evaluate', ...S, '-o', '{tmp}/out.xls'],
    exitCode: 2,
    stderr: [/out\.xls/],
    files: { 'out.xls': null },
  },

  // ---- evaluating the main sample ----
  {
    name: 'the main sample with --regions: targets not met → 1',
    args: ['evaluate', ...S],
    exitCode: 1,
    stdout: [/泰州市“十四五”儿童发展规划/, /新生儿死亡率/, /未达标/, /共 399 项：达标 377，未达标 19，无数据 2，数据错误 0，不适用 1/],
    notStderr: [/错误/],
  },
  { name: '--fail-on none → 0', args: ['evaluate', ...S, '--fail-on', 'none'], exitCode: 0, stdout: [/未达标 19/] },
  { name: '--quiet prints nothing but keeps the exit status', args: ['evaluate', ...S, '--quiet'], exitCode: 1, stdout: [/^$/], stderr: [/^$/] },
  // sex-parts.csv: one indicator met, the rest of the plan without data.
  { name: 'all met, some no data → 0 under the default --fail-on', args: ['evaluate', fixture('sex-parts.csv')], exitCode: 0, stdout: [/达标 1，未达标 0/] },
  { name: '--fail-on no-data turns missing data into 1', args: ['evaluate', fixture('sex-parts.csv'), '--fail-on', 'no-data'], exitCode: 1 },
  {
    name: '--format json is valid against src/schema/results.schema.json',
    args: ['evaluate', ...S, '--format', 'json'],
    exitCode: 1,
    check: (r) => {
      const e = parseEvaluation(r.stdout);
      expect(e.plan.id).toBe('taizhou-children-2021-2025');
      expect(e.year).toBe(2025);
      expect(e.summary).toEqual({ met: 377, 'not-met': 19, 'no-data': 2, invalid: 0, 'not-applicable': 1 });
      expect(e.results).toHaveLength(399);
      expect(e.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    },
  },
  {
    name: '--format csv: UTF-8 BOM, a header, one row per result',
    args: ['evaluate', ...S, '--format', 'csv'],
    exitCode: 1,
    check: (r) => {
      expect([...r.stdoutBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(r.stdout.replace(/^\uFEFF/, ''), { relaxColumnCount: false }) as string[][];
      expect(rows[0]!.slice(0, 6)).toEqual(['指标代码', '指标', '领域', '主要指标', '地区', '年份']);
      expect(rows[0]).toContain('状态');
      expect(rows[0]).toContain('差距');
      expect(rows).toHaveLength(1 + 399);
    },
  },
  {
    name: '--format csv neutralises formulas carried in from 备注',
    args: ['evaluate', fixture('formula-notes.csv'), '--format', 'csv', '--indicator', 'neonatal-mortality'],
    exitCode: 0,
    check: (r) => {
      const rows = parseCsv(r.stdout.replace(/^\uFEFF/, '')) as string[][];
      const notes = rows.slice(1).map((row) => row[rows[0]!.indexOf('备注')]!);
      expect(notes).toHaveLength(3);
      for (const n of notes) expect(n).not.toMatch(/^[=+\-@]/);
      expect(notes.join('\n')).toMatch(/HYPERLINK/);
    },
  },
  {
    name: '--format md: a Markdown table',
    args: ['evaluate', ...S, '--format', 'md'],
    exitCode: 1,
    stdout: [/^# 泰州市“十四五”儿童发展规划/m, /^\| 地区 \| 年份 \| 指标 \|/m, /^\|---\|/m, /\| 兴化市 \| 2025 \|/],
  },
  {
    name: '--format junit: well-formed, one <testcase> per result',
    args: ['evaluate', ...S, '--format', 'junit'],
    exitCode: 1,
    check: (r) => {
      expect(r.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
      expect(r.stdout).toMatch(/<testsuites\b/);
      expect(xmlProblems(r.stdout)).toEqual([]);
      expect(r.stdout.match(/<testcase\b/g)).toHaveLength(399);
      expect(r.stdout.match(/<failure\b/g)).toHaveLength(19);
    },
  },
  {
    name: '-o out.json -o out.csv: both written, the table still on stdout',
    args: ['evaluate', ...S, '-o', '{tmp}/out.json', '-o', '{tmp}/out.csv'],
    exitCode: 1,
    stdout: [/┌/, /泰州市“十四五”儿童发展规划/, /未达标/],
    files: { 'out.json': [/"summary"/], 'out.csv': [/^\uFEFF指标代码,/] },
    check: (_r, tmp) => {
      expect(parseEvaluation(readFileSync(join(tmp, 'out.json'), 'utf8')).results).toHaveLength(399);
      expect([...readFileSync(join(tmp, 'out.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    },
  },
  {
    name: '-o naming the data file is refused and the file is unchanged',
    inTmp: true,
    setup: (tmp) => writeFileSync(join(tmp, 'data.csv'), sampleBytes),
    args: ['evaluate', 'data.csv', '--regions', join(ROOT, TOWNSHIPS), '-o', './data.csv', '--format', 'csv'],
    exitCode: 2,
    stderr: [/-o \.\/data\.csv 会覆盖输入文件/],
    check: (_r, tmp) => expect(Buffer.compare(readFileSync(join(tmp, 'data.csv')), sampleBytes)).toBe(0),
  },
  {
    name: '-o naming the data file by its absolute path is refused',
    setup: (tmp) => writeFileSync(join(tmp, 'data.json'), sampleBytes),
    args: ['evaluate', '{tmp}/data.json', '--regions', TOWNSHIPS, '-o', '{tmp}/data.json'],
    exitCode: 2,
    stderr: [/data\.json 会覆盖输入文件/],
    check: (_r, tmp) => expect(Buffer.compare(readFileSync(join(tmp, 'data.json')), sampleBytes)).toBe(0),
  },
  {
    name: '-o naming the regions file is refused and the file is unchanged',
    setup: (tmp) => cpSync(join(ROOT, TOWNSHIPS), join(tmp, 'townships.csv')),
    args: ['evaluate', SAMPLE, '--regions', '{tmp}/townships.csv', '-o', '{tmp}/townships.csv'],
    exitCode: 2,
    stderr: [/townships\.csv 会覆盖输入文件/],
    check: (_r, tmp) => expect(Buffer.compare(readFileSync(join(tmp, 'townships.csv')), readFileSync(join(ROOT, TOWNSHIPS)))).toBe(0),
  },
  {
    name: '--year all evaluates every year of the data',
    args: ['evaluate', ...S, '--year', 'all', '--format', 'json'],
    exitCode: 1,
    check: (r) => {
      const e = parseEvaluation(r.stdout);
      expect(e.year).toBeNull();
      expect(e.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
      expect([...new Set(e.results.map((x) => x.year))].sort()).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    },
  },
  {
    name: '--year 2023 evaluates the mid-term year only',
    args: ['evaluate', ...S, '--year', '2023', '--format', 'json'],
    exitCode: 1,
    check: (r) => {
      const e = parseEvaluation(r.stdout);
      expect(e.year).toBe(2023);
      expect(e.results.length).toBeGreaterThan(0);
      expect(e.results.every((x) => x.year === 2023)).toBe(true);
    },
  },
  {
    name: '--indicator 婴儿死亡率 keeps one indicator, every region',
    args: ['evaluate', ...S, '--indicator', '婴儿死亡率', '--format', 'json'],
    exitCode: 0,
    check: (r) => {
      const e = parseEvaluation(r.stdout);
      expect([...new Set(e.results.map((x) => x.id))]).toEqual(['infant-mortality']);
      expect(e.results.map((x) => x.region.code).sort()).toEqual(['321200', '321202', '321203', '321204', '321281', '321282', '321283']);
    },
  },
  {
    name: '--lang en: English headers and statuses',
    args: ['evaluate', ...S, '--lang', 'en', '--region', '兴化'],
    exitCode: 1,
    stdout: [/\bIndicator\b/, /\bStatus\b/, /\bGap\b/, /│ met\s+│/, /│ not met\s+│/, /\b54 met\b/, /\b3 not met\b/],
    // (indicator names stay Chinese, and one of them contains 达标: look at the status column)
    notStdout: [/│ 达标\s+│/, /│ 未达标\s+│/, /│ 无数据\s+│/, /状态/, /共 \d+ 项/],
  },
  {
    name: "'-' reads the return from standard input",
    args: ['evaluate', '-', '--regions', TOWNSHIPS, '--format', 'json'],
    stdin: sampleBytes,
    exitCode: 1,
    check: (r) => expect(parseEvaluation(r.stdout).summary).toEqual({ met: 377, 'not-met': 19, 'no-data': 2, invalid: 0, 'not-applicable': 1 }),
  },
  {
    name: "'-' reads GBK bytes from standard input",
    args: ['evaluate', '-', '--format', 'json', '--region', '海陵'],
    stdin: readFileSync(join(ROOT, fixture('excel-gbk.csv'))),
    exitCode: 0,
    check: (r) => {
      const e = parseEvaluation(r.stdout);
      expect(e.results.find((x) => x.id === 'neonatal-mortality')?.status).toBe('met');
      expect(e.results.find((x) => x.id === 'eye-care-coverage-0-6')?.notes).toEqual(['全角数字']);
    },
  },

  // ---- validate ----
  { name: 'validate the bundled plan', args: ['validate'], exitCode: 0, stdout: [/泰州市“十四五”儿童发展规划/, /57/, /14/] },
  {
    name: 'validate --plan: a YAML syntax error names health.yaml:LINE:COL',
    setup: planCopyWith((lines) => {
      lines[infantTextLine - 1] = '    text: "≤4';
    }),
    args: ['validate', '--plan', '{tmp}/plan'],
    exitCode: 2,
    stderr: [new RegExp(`health\\.yaml:${infantTextLine}:\\d+: `)],
    check: (r) => expect(r.stderr).not.toMatch(/health\.yaml:(?!\d+:\d+)/),
  },
  {
    name: 'validate --plan: a duplicated key names its own line',
    setup: planCopyWith((lines) => {
      lines[infantTextLine - 1] = '    direction: lower';
    }),
    args: ['validate', '--plan', '{tmp}/plan'],
    exitCode: 2,
    stderr: [new RegExp(`health\\.yaml:${infantTextLine}:5: `)],
  },
  {
    name: 'validate --plan: an unknown key is named with its line',
    setup: planCopyWith((lines) => {
      lines.splice(infantTextLine, 0, '    colour: red');
    }),
    args: ['validate', '--plan', '{tmp}/plan'],
    exitCode: 2,
    stderr: [new RegExp(`health\\.yaml:${infantTextLine + 1}:5: .*colour`)],
  },
  {
    name: 'validate --plan: a wrong type is named with its line',
    setup: planCopyWith((lines) => {
      const i = lines.findIndex((l, n) => n >= infantTextLine && l.includes('target: { kind: at-most, value: 4 }'));
      lines[i] = lines[i]!.replace('value: 4', 'value: four');
    }),
    args: ['validate', '--plan', '{tmp}/plan'],
    exitCode: 2,
    stderr: [/health\.yaml:\d+:\d+: /, /value/],
  },
  { name: 'validate --plan on a folder that does not exist', args: ['validate', '--plan', '{tmp}/nowhere'], exitCode: 2, stderr: [/nowhere/] },

  // ---- indicators ----
  { name: 'indicators lists the plan', args: ['indicators'], exitCode: 0, stdout: [/婴儿死亡率/, /★14/, /城市社区100/] },
  {
    name: 'indicators --format json: 57 entries, each with a target',
    args: ['indicators', '--format', 'json'],
    exitCode: 0,
    check: (r) => {
      const list = JSON.parse(r.stdout) as Array<{ id: string; name: string; main: number | null; text: string; target: { kind: string } | null }>;
      expect(list).toHaveLength(57);
      for (const i of list) {
        expect(i.target, i.id).toBeTruthy();
        expect(typeof i.target?.kind).toBe('string');
        expect(i.text).not.toBe('');
      }
      expect(list.filter((i) => i.main !== null).map((i) => i.main).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
      expect(list.find((i) => i.name === '婴儿死亡率')?.target).toEqual({ kind: 'at-most', value: 4 });
    },
  },
  { name: 'indicators with a bad --format', args: ['indicators', '--format', 'xml'], exitCode: 2, stderr: [/--format/, /xml/] },

  // ---- check ----
  { name: 'check the main sample', args: ['check', ...S], exitCode: 0, stdout: [/utf-8-bom/, /2238/] },
  {
    name: 'check a return with errors',
    args: ['check', fixture('several-errors.csv')],
    exitCode: 2,
    stderr: [/several-errors\.csv:2:1: /, /several-errors\.csv:3:2: /, /several-errors\.csv:4:4: /, /several-errors\.csv:5:3: /],
  },

  // ---- townships without --regions ----
  {
    name: 'the main sample WITHOUT --regions: township rows are errors that point to --regions',
    args: ['evaluate', SAMPLE],
    exitCode: 2,
    stderr: [/taizhou-2020-2025\.csv:\d+:2: /, /--regions/],
    check: (r) => {
      // Every unknown-region message must tell the user to give the townships with --regions,
      // including for a township whose name happens to resemble a plan region's short name.
      const unknown = r.stderr.split('\n').filter((l) => /不认识的地区/.test(l));
      expect(unknown.length).toBeGreaterThan(0);
      // Grouped, the examples show what is wrong and the fix follows once, naming --regions.
      const examples = unknown.filter((l) => !l.includes('--regions') && /\]$/.test(l));
      const codes = new Set(examples.map((l) => /\[([^\]]+)\]$/.exec(l)?.[1]));
      expect(r.stderr.split('\n').filter((l) => /^ {2}处理：.*--regions/.test(l)).length).toBeGreaterThanOrEqual(codes.size);
    },
  },

  // ---- colour ----
  {
    name: 'NO_COLOR unset but stdout not a terminal: no ANSI escapes',
    args: ['evaluate', ...S],
    env: { NO_COLOR: undefined },
    exitCode: 1,
    stdout: [/未达标/],
    notStdout: [/\u001b\[/],
  },
  {
    name: 'NO_COLOR unset, not a terminal: no ANSI escapes in messages either',
    args: ['evaluate', fixture('several-errors.csv')],
    env: { NO_COLOR: undefined },
    exitCode: 2,
    notStdout: [/\u001b\[/],
    notStderr: [/\u001b\[/],
  },
];

describe('plancheck (built binary): cases', () => {
  it('finds the line it edits in health.yaml', () => expect(infantTextLine).toBeGreaterThan(1));

  for (const c of cases) it(c.name, () => {
    const tmp = tempDir();
    try {
      runCase(c, tmp);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('has no two cases with the same name', () => expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length));
});

function runCase(c: Case, tmp: string): void {
  c.setup?.(tmp);
  const args = c.args.map((a) => a.replaceAll('{tmp}', tmp));
  const run = plancheck(args, { cwd: c.inTmp ? tmp : ROOT, env: c.env ?? {}, ...(c.stdin !== undefined ? { stdin: c.stdin } : {}) });
  const context = `plancheck ${args.join(' ')}\n--- stderr:\n${run.stderr.slice(0, 2000)}`;
  expect(run.code, context).toBe(c.exitCode);
  expect(run.stderr, 'no stack trace').not.toMatch(STACK_LINE);
  expect(run.stderr).not.toMatch(/internal error/);
  if (c.exitCode === 2 && !c.stderr?.some((p) => p.source === '^$')) expect(run.stderr.trim(), 'a usage error says why').not.toBe('');
  for (const p of c.stdout ?? []) expect(run.stdout, context).toMatch(p);
  for (const p of c.stderr ?? []) expect(run.stderr).toMatch(p);
  for (const p of c.notStdout ?? []) expect(run.stdout).not.toMatch(p);
  for (const p of c.notStderr ?? []) expect(run.stderr).not.toMatch(p);
  for (const [name, patterns] of Object.entries(c.files ?? {})) {
    const path = join(tmp, name);
    if (patterns === null) {
      expect(existsSync(path), `${name} must not be written`).toBe(false);
      continue;
    }
    expect(existsSync(path), `${name} must be written`).toBe(true);
    const text = readFileSync(path, 'utf8');
    for (const p of patterns) expect(text).toMatch(p);
  }
  c.check?.(run, tmp);
}

describe('plancheck (built binary): options that must agree', () => {
  const json = (args: string[]) => parseEvaluation(plancheck(['evaluate', ...S, '--format', 'json', ...args]).stdout);

  it('--region 兴化 and --region 321281 give the same rows, all of 兴化市', () => {
    const byName = json(['--region', '兴化']);
    const byCode = json(['--region', '321281']);
    expect(byName.results.length).toBe(57);
    expect(byName.results.every((r) => r.region.code === '321281')).toBe(true);
    expect(byCode.results).toEqual(byName.results);
    expect(byCode.summary).toEqual(byName.summary);
  });

  it("'-' gives the same results as the file itself", () => {
    const fromFile = json([]);
    const fromStdin = parseEvaluation(plancheck(['evaluate', '-', '--regions', TOWNSHIPS, '--format', 'json'], { stdin: sampleBytes }).stdout);
    expect(fromStdin.results).toEqual(fromFile.results);
  });

  it('-o out.json holds what --format json prints', () => {
    const tmp = tempDir();
    try {
      plancheck(['evaluate', ...S, '-o', join(tmp, 'out.json')]);
      expect(parseEvaluation(readFileSync(join(tmp, 'out.json'), 'utf8'))).toEqual(json([]));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('plancheck (built binary): a closed pipe', () => {
  it('stops quietly when the reader of its output goes away (| head -n 1)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" evaluate ${S.join(' ')} --year all --format csv | head -n 1`], {
      cwd: ROOT,
      env: baseEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stdout).toMatch(/指标代码/);
    expect(r.stderr).not.toMatch(/EPIPE/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
