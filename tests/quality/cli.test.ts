// plancheck check and evaluate on workbooks and wide returns, through the built binary
// (node bin/plancheck → dist/; build first: node scripts/build.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longRows, regionsTable, toCsv, toXlsx, yearsTable } from '../ingest/wide-copies.js';
import { bytesOf, ROOT } from './real-plan.js';

if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first');

const SAMPLE = 'samples/taizhou-2020-2025.csv';
const TOWNSHIPS = 'samples/townships.csv';
const FIXTURES = 'tests/fixtures/xlsx';

function run(args: string[], cwd = ROOT) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.PLANCHECK_LANG;
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'plancheck'), ...args], { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  expect(r.stderr, 'no stack trace').not.toMatch(/^\s{4}at /mu);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface CheckJson {
  valid: boolean;
  files: Array<{ file: string; sheet?: string; encoding?: string; layout?: string }>;
  summary: { observations: number; errors: number; warnings: number; infos: number };
  completeness: { expected: number; missing: number; cells: unknown[] };
  findings: Array<{ severity: string; code: string; file: string | null; line: number | null; column: number | null; sheet: string | null; cell: string | null; ref: string | null; message: string }>;
}

describe('plancheck check', () => {
  it('locates the errors of a workbook at Sheet!Cell, on stderr and in the JSON report, and exits 2', () => {
    const r = run(['check', `${FIXTURES}/features.xlsx`, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/features\.xlsx:监测表!D9: 错误: .*#DIV\/0!/u);
    expect(r.stderr).toMatch(/features\.xlsx:监测表!D6: 错误: .*5岁以下儿童死亡率 1\.2‰ 小于婴儿死亡率 2\.5‰/u);
    expect(r.stderr).toMatch(/features\.xlsx:监测表!E8: 错误: .*分子 1050 大于分母 1000/u);
    const report = JSON.parse(r.stdout) as CheckJson;
    expect(report.valid).toBe(false);
    expect(report.files).toEqual([{ file: `${FIXTURES}/features.xlsx`, sheet: '监测表', layout: 'long' }]);
    const errors = report.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.ref, f.line, f.column]);
    expect(errors).toEqual([
      ['data/xlsx-error-value', `${FIXTURES}/features.xlsx:监测表!D9`, 9, 4],
      ['quality/order', `${FIXTURES}/features.xlsx:监测表!D6`, 6, 4],
      ['quality/numerator-exceeds-denominator', `${FIXTURES}/features.xlsx:监测表!E8`, 8, 5],
    ]);
    expect(report.summary.errors).toBe(3);
  });

  it('speaks English with --lang en', () => {
    const r = run(['check', `${FIXTURES}/features.xlsx`, '--lang', 'en']);
    // The plan's English names, and 2023 for 2023年.
    expect(r.stderr).toMatch(/features\.xlsx:监测表!D6: error: 兴化市 2023: Under-5 mortality rate 1\.2‰ is below Infant mortality rate 2\.5‰ .*\[rule mortality-order\]/u);
    expect(r.stderr).not.toMatch(/婴儿死亡率|2023年/u);
    expect(r.stdout).toMatch(/^Data-quality report/mu);
  });

  it('shows the completeness grid and the verdict, and exits 0 with warnings only', () => {
    const r = run(['check', `${FIXTURES}/wide-years.xlsx`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wide-years\.xlsx:Sheet1!A1: 提示: 按宽表读取：年份在列/u);
    expect(r.stdout).toMatch(/宽表（年份在列）/u);
    expect(r.stdout).toMatch(/2023年缺报情况/u);
    // Columns: the regions the return covers; 高港区 has no 2023 value.
    expect(r.stdout).toMatch(/^\s+海陵区\s+高港区$/mu);
    expect(r.stdout).toMatch(/普惠性幼儿园覆盖率\s+✓\s+○$/mu);
    expect(r.stdout).toMatch(/结论：没有错误，但有 \d+ 个警告/u);
  });

  it('--strict fails on warnings', () => {
    expect(run(['check', `${FIXTURES}/wide-years.xlsx`, '--strict']).code).toBe(2);
    const json = JSON.parse(run(['check', `${FIXTURES}/wide-years.xlsx`, '--strict', '--format', 'json']).stdout) as CheckJson;
    expect(json.valid).toBe(false);
  });

  it('--sheet and --layout', () => {
    const r = run(['check', `${FIXTURES}/sheets.xlsx`, '--sheet', '数据', '--format', 'json']);
    expect((JSON.parse(r.stdout) as CheckJson).files[0]!.sheet).toBe('数据');
    expect(run(['check', `${FIXTURES}/sheets.xlsx`, '--sheet', '9']).stderr).toMatch(/没有工作表“9”.*1\. 封面、2\. 数据/u);
    expect(run(['check', SAMPLE, '--layout', 'sideways']).code).toBe(2);
    const forced = run(['check', `${FIXTURES}/wide-years.xlsx`, '--layout', 'long']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(/Sheet1!A1: 错误: 缺少“年份”列/u);
  });

  it('a bad --format is a usage error', () => {
    expect(run(['check', SAMPLE, '--format', 'xml']).code).toBe(2);
  });
});

describe('plancheck evaluate on workbooks and wide returns', () => {
  const results = (stdout: string) =>
    (JSON.parse(stdout) as { summary: unknown; results: Array<Record<string, unknown>> });

  it('an .xlsx and a regions-as-columns copy of the main sample give the same verdicts as the CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-wide-'));
    const rows = longRows(bytesOf(SAMPLE), SAMPLE);
    writeFileSync(join(dir, 'sample.xlsx'), await toXlsx(regionsTable(rows, true), '统计监测表'));
    writeFileSync(join(dir, 'sample-years.csv'), toCsv(yearsTable(rows)));
    const csv = run(['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--format', 'json', '--year', 'all']);
    const xlsx = run(['evaluate', join(dir, 'sample.xlsx'), '--regions', TOWNSHIPS, '--format', 'json', '--year', 'all']);
    const years = run(['evaluate', join(dir, 'sample-years.csv'), '--regions', TOWNSHIPS, '--format', 'json', '--year', 'all']);
    expect(xlsx.code).toBe(csv.code);
    expect(years.code).toBe(csv.code);
    expect(xlsx.stderr).toMatch(/sample\.xlsx:报表!A2: 提示: 按宽表读取：地区在列/u);
    expect(results(xlsx.stdout).results).toEqual(results(csv.stdout).results);
    expect(results(years.stdout).results).toEqual(results(csv.stdout).results);
    expect(results(xlsx.stdout).summary).toEqual(results(csv.stdout).summary);
  }, 60_000);

  it('reports the quality findings with the verdicts, and exits 2 on a quality error', () => {
    const r = run(['evaluate', `${FIXTURES}/features.xlsx`, '--format', 'json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { diagnostics: Array<{ code: string; file: string; line: number; column: number }> };
    expect(out.diagnostics.filter((d) => d.code === 'quality/order').map((d) => [d.file, d.line, d.column])).toEqual([[`${FIXTURES}/features.xlsx`, 6, 4]]);
  });
});

describe('a CSV run does not load the workbook reader', () => {
  it('keeps exceljs out of everything the evaluate and check commands load up front', () => {
    // A run of a command loads two CommonJS files: the entry and that command's build
    // (engine and checks); dist/main.cjs is the CLI with every command (help and the
    // like). The libraries a run rarely needs are in dist/vendor, loaded on demand.
    const marker = /WorkbookWriter|xl\/worksheets\/sheet/u;
    for (const f of ['main.cjs', 'commands/evaluate.cjs', 'commands/check.cjs']) expect(readFileSync(join(ROOT, 'dist', f), 'utf8')).toMatch(/Σ|quality\/order/u);
    for (const f of ['cli.cjs', 'main.cjs', 'commands/evaluate.cjs', 'commands/check.cjs']) expect(readFileSync(join(ROOT, 'dist', f), 'utf8')).not.toMatch(marker);
    expect(readFileSync(join(ROOT, 'dist', 'vendor', 'exceljs.cjs'), 'utf8')).toMatch(marker);
  });

  it('keeps other commands and the libraries a plain run does not use out of the evaluate command', () => {
    // dist/commands/evaluate.cjs is all a run of evaluate loads: V8 parses every byte of it.
    const evaluate = readFileSync(join(ROOT, 'dist', 'commands', 'evaluate.cjs'), 'utf8');
    // The report's charts are SVG; evaluate's own HTML page (--format html) has none.
    const markers = { report: /<svg/u, 'csv-parse': /CSV_RECORD_INCONSISTENT/u, chalk: /ansi256/u };
    expect(readFileSync(join(ROOT, 'dist', 'commands', 'report.cjs'), 'utf8')).toMatch(markers.report);
    expect(readFileSync(join(ROOT, 'dist', 'vendor', 'csv-parse.cjs'), 'utf8')).toMatch(markers['csv-parse']);
    expect(readFileSync(join(ROOT, 'dist', 'vendor', 'chalk.cjs'), 'utf8')).toMatch(markers.chalk);
    for (const marker of Object.values(markers)) expect(evaluate).not.toMatch(marker);
  });
});
