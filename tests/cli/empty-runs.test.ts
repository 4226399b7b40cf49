// Nothing silent: a run that evaluates nothing exits 2 and says why and what to do, in every
// format and command — never “共 0 项” with exit 0, a page of 无数据, a JUnit file with
// tests="0" or a check that calls an empty return 100 % complete.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { STACK_LINE, TOWNSHIPS, parseEvaluation, plancheck, tempDir, xmlProblems } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const HEAD = '指标,地区,年份,数值,分子,分母,备注';
const tmp = tempDir('plancheck-empty-');
function file(name: string, lines: string[]): string {
  const path = join(tmp, name);
  writeFileSync(path, lines.length ? `${lines.join('\n')}\n` : '');
  return path;
}

const EMPTY = file('empty.csv', []);
const HEADER = file('header.csv', [HEAD]);
const BLANKS = file('blanks.csv', [HEAD, '新生儿死亡率,海陵区,2025,,,,', '婴儿死亡率,海陵区,2025,—,,,', '婴儿死亡率,高港区,2025,-,,,未统计']);
const SHORT = file('short.csv', [HEAD, '新生儿死亡率,海陵区,2025', '婴儿死亡率,高港区,2025']);
const ERRORS = file('errors.csv', [HEAD, '新生儿死忘率,海陵区,2025,1.5,,,', '新生儿死亡率,海陵县,2025,1.5,,,']);
/** One indicator, one district, two years: enough for each option to miss. */
const ONE = file('one.csv', [HEAD, '新生儿死亡率,海陵区,2024,1.6,,,', '新生儿死亡率,海陵区,2025,1.5,,,']);
/** Each indicator in its own district. */
const CROSSED = file('crossed.csv', [HEAD, '新生儿死亡率,海陵区,2025,1.5,,,', '婴儿死亡率,高港区,2025,2.5,,,']);
/** The same indicator in 2023 only, and another in 2025. */
const SPLIT_YEARS = file('split-years.csv', [HEAD, '婴儿死亡率,海陵区,2023,2.1,,,', '新生儿死亡率,海陵区,2025,1.5,,,']);

interface Case {
  name: string;
  args: string[];
  code: string;
  /** Part of the Chinese message (the reason and the fix). */
  zh: RegExp;
  en: RegExp;
}

const CASES: Case[] = [
  { name: 'an empty file', args: [EMPTY], code: 'run/rows-dropped', zh: /每一行都有错误.*请改正/, en: /every row of the returns has an error/ },
  { name: 'a header only', args: [HEADER], code: 'run/no-rows', zh: /报表没有数据行.*只有表头.*plancheck template/, en: /no data rows \(an empty file, a header only/ },
  { name: 'every value blank, — or -', args: [BLANKS], code: 'run/no-values', zh: /数值全部为空或标为缺失.*请填写数值/, en: /every value of the returns is blank or marked missing/ },
  { name: 'only short rows (no value column)', args: [SHORT], code: 'run/no-rows', zh: /各行在数值列之前就结束了/, en: /rows that end before the value column/ },
  { name: 'every row dropped by its errors', args: [ERRORS], code: 'run/rows-dropped', zh: /每一行都有错误（见上）/, en: /none is left to check or evaluate/ },
  { name: '--year 1999, absent from the data', args: [ONE, '--year', '1999'], code: 'run/year-absent', zh: /数据中没有 1999 年，只有 2024–2025 年；请用 --year 指定其中一年，或去掉 --year 评估最近一年（2025）/, en: /the data has no 1999, only 2024–2025/ },
  { name: '--region with no data', args: [ONE, '--region', '高港区'], code: 'run/regions-absent', zh: /所选地区（高港区）及其下级单位 2025 年的数据；请检查 --region/, en: /regions asked \(高港区\)/ },
  { name: '--indicator with no data', args: [ONE, '--indicator', 'infant-mortality'], code: 'run/indicators-absent', zh: /没有所选指标（婴儿死亡率）的数据；请检查 --indicator/, en: /nothing for the indicators asked \(Infant mortality rate\)/ },
  { name: '--indicator naming a context indicator (no target)', args: [ONE, '--indicator', '常住人口'], code: 'run/indicators-without-target', zh: /所选指标（人口）在规划中没有目标/, en: /\(Population\) have no target in the plan/ },
  { name: '--indicator with data in another year only', args: [SPLIT_YEARS, '--indicator', 'infant-mortality'], code: 'run/indicators-not-in-year', zh: /所选指标（婴儿死亡率）没有 2025 年的数据，只有 2023 年的；请用 --year/, en: /have no data for 2025, only for 2023/ },
  { name: '--indicator and --region each with data, but not together', args: [CROSSED, '--indicator', 'infant-mortality', '--region', '海陵区'], code: 'run/nothing-in-scope', zh: /没有所选指标、地区在 2025 年的数据；请放宽/, en: /nothing for the indicators and regions asked in 2025/ },
  { name: '--indicator with data that year, --region without any', args: [SPLIT_YEARS, '--indicator', 'infant-mortality', '--year', '2023', '--region', '高港区'], code: 'run/regions-absent', zh: /所选地区（高港区）/, en: /regions asked/ },
];

describe.each(CASES)('evaluate: $name', (c) => {
  it('exits 2 with the reason and the fix, in Chinese and English; nothing on standard output', () => {
    const r = plancheck(['evaluate', ...c.args]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toContain(`[${c.code}]`);
    expect(r.stderr).toMatch(c.zh);
    expect(r.stdout).toBe('');
    const en = plancheck(['evaluate', ...c.args, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(c.en);
  });

  it('--fail-on no-data and --fail-on none: still 2', () => {
    expect(plancheck(['evaluate', ...c.args, '--fail-on', 'no-data']).code).toBe(2);
    expect(plancheck(['evaluate', ...c.args, '--fail-on', 'none']).code).toBe(2);
  });

  it('--format json: valid JSON, no results, the error in diagnostics', () => {
    const r = plancheck(['evaluate', ...c.args, '--format', 'json']);
    expect(r.code).toBe(2);
    const e = parseEvaluation(r.stdout);
    expect(e.results).toEqual([]);
    expect(e.absentIndicators).toEqual([]);
    expect(Object.values(e.summary).every((n) => n === 0)).toBe(true);
    const d = e.diagnostics.find((x) => x.code === c.code);
    expect(d).toMatchObject({ severity: 'error', file: null, line: null });
    expect(d!.message).toMatch(c.zh);
  });

  it('--format junit: an <error>, never tests="0"', () => {
    const r = plancheck(['evaluate', ...c.args, '--format', 'junit']);
    expect(r.code).toBe(2);
    expect(xmlProblems(r.stdout)).toEqual([]);
    expect(r.stdout).not.toMatch(/tests="0"/);
    // One test case per error of the run (an empty file's own error, then why nothing was evaluated).
    const counts = /<testsuites [^>]*tests="(\d+)" failures="0" errors="(\d+)">/.exec(r.stdout);
    expect(counts).not.toBeNull();
    expect(Number(counts![1])).toBeGreaterThanOrEqual(1);
    expect(counts![2]).toBe(counts![1]);
    expect(r.stdout.match(/<error /g)).toHaveLength(Number(counts![1]));
    expect(r.stdout).toContain(`type="${c.code}"`);
    expect(r.stdout).toMatch(/<error message="[^"]+"/);
  });

  it('--format github: an ::error annotation with the reason, no 共 0 项 notice', () => {
    const r = plancheck(['evaluate', ...c.args, '--format', 'github']);
    expect(r.code).toBe(2);
    const run = r.stdout.split('\n').filter((l) => l.includes(`plancheck ${c.code}`));
    expect(run).toHaveLength(1);
    expect(run[0]).toMatch(/^::error title=plancheck run\/[a-z-]+::/);
    expect(r.stdout).not.toMatch(/共 0 项/);
  });

  it('--format md and csv: the message in Markdown, the header alone in CSV', () => {
    const md = plancheck(['evaluate', ...c.args, '--format', 'md']);
    expect(md.code).toBe(2);
    expect(md.stdout).toMatch(c.zh);
    expect(md.stdout).not.toMatch(/共 0 项/);
    const csv = plancheck(['evaluate', ...c.args, '--format', 'csv']);
    expect(csv.code).toBe(2);
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(1);
  });
});

describe('evaluate -o on an empty run', () => {
  it('writes each file with the error (JUnit for the CI job, JSON, Markdown, the table) and exits 2', () => {
    const out = tempDir('plancheck-empty-out-');
    const r = plancheck(['evaluate', HEADER, '-o', join(out, 'r.xml'), '-o', join(out, 'r.json'), '-o', join(out, 'r.md'), '-o', join(out, 'r.txt')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(out, 'r.xml'), 'utf8')).toMatch(/<error message="报表没有数据行[^"]*" type="run\/no-rows">/);
    expect(parseEvaluation(readFileSync(join(out, 'r.json'), 'utf8')).diagnostics.map((d) => d.code)).toContain('run/no-rows');
    expect(readFileSync(join(out, 'r.md'), 'utf8')).toMatch(/\*\*错误\*\*: 报表没有数据行/);
    expect(readFileSync(join(out, 'r.txt'), 'utf8')).toMatch(/^错误: 报表没有数据行.*\[run\/no-rows\]$/m);
  });
});

describe('what is not an empty run', () => {
  it('a return giving one indicator: the others are 无数据, exit 0', () => {
    const r = plancheck(['evaluate', ONE, '--format', 'json']);
    expect(r.code).toBe(0);
    const e = parseEvaluation(r.stdout);
    expect(e.results.filter((x) => x.status === 'met').map((x) => x.id)).toEqual(['neonatal-mortality']);
    expect(e.results.filter((x) => x.status === 'no-data').length).toBeGreaterThan(50);
    expect(e.diagnostics.filter((d) => d.code.startsWith('run/'))).toEqual([]);
  });

  it('--year 2024, --region 海陵区, --indicator neonatal-mortality: each present, evaluated, exit 0', () => {
    for (const extra of [['--year', '2024'], ['--region', '海陵区'], ['--indicator', 'neonatal-mortality']]) {
      const r = plancheck(['evaluate', ONE, ...extra]);
      expect(r.code, extra.join(' ')).toBe(0);
      expect(r.stderr, extra.join(' ')).not.toMatch(/\[run\//);
    }
  });

  it('a return whose rows are partly errors is evaluated on the rest (exit 2 for the errors, no run/ error)', () => {
    const mixed = file('mixed.csv', [HEAD, '新生儿死忘率,海陵区,2025,1.5,,,', '新生儿死亡率,海陵区,2025,1.5,,,']);
    const r = plancheck(['evaluate', mixed, '--format', 'json']);
    expect(r.code).toBe(2);
    const e = parseEvaluation(r.stdout);
    expect(e.results.length).toBeGreaterThan(0);
    expect(e.diagnostics.filter((d) => d.code.startsWith('run/'))).toEqual([]);
  });
});

describe('report on nothing', () => {
  it('a header-only return: exit 2 with the reason, no file written', () => {
    const out = tempDir('plancheck-empty-report-');
    const r = plancheck(['report', HEADER, '--stage', 'final', '-o', join(out, 'r.html'), '-o', join(out, 'r.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/报表没有数据行.*\[run\/no-rows\]/);
    expect(existsSync(join(out, 'r.html'))).toBe(false);
    expect(existsSync(join(out, 'r.json'))).toBe(false);
  });

  it('a mid-term report on data without 2023: names the years there are and the fix', () => {
    const r = plancheck(['report', ONE, '--stage', 'midterm']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/报告评估 2023 年，但数据中没有 2023 年，只有 2024–2025 年；请用 --year 指定其中一年.*\[run\/report-year-absent\]/);
    const en = plancheck(['report', ONE, '--stage', 'midterm', '--lang', 'en']);
    expect(en.stderr).toMatch(/it looks at 2023, but the data has no 2023, only 2024–2025/);
  });

  it('--year 1999 and --region 高港区: exit 2; the final report on the same data is written (exit 0)', () => {
    expect(plancheck(['report', ONE, '--stage', 'final', '--year', '1999']).stderr).toMatch(/\[run\/report-year-absent\]/);
    expect(plancheck(['report', ONE, '--stage', 'final', '--region', '高港区']).stderr).toMatch(/\[run\/regions-absent\]/);
    expect(plancheck(['report', ONE, '--stage', 'final']).code).toBe(0);
  });
});

describe('check on nothing', () => {
  it.each([
    ['a header only', HEADER, 'run/no-rows'],
    ['every value blank', BLANKS, 'run/no-values'],
    ['only short rows', SHORT, 'run/no-rows'],
  ])('%s: exit 2, the reason, and 0 %% complete against the plan, never 100 %%', (_, path, code) => {
    const r = plancheck(['check', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`[${code}]`);
    expect(r.stdout).not.toMatch(/完整率 100\.0%/);
    expect(r.stdout).toMatch(/完整率 0\.0%/);
    const j = JSON.parse(plancheck(['check', path, '--format', 'json']).stdout) as { valid: boolean; completeness: { rate: number; expected: number; missing: number } };
    expect(j.valid).toBe(false);
    expect(j.completeness.rate).toBe(0);
    expect(j.completeness.expected).toBeGreaterThan(0);
  });

  it('a header only with --regions: the townships are expected too', () => {
    const without = JSON.parse(plancheck(['check', HEADER, '--format', 'json']).stdout) as { completeness: { expected: number } };
    const withUnits = JSON.parse(plancheck(['check', HEADER, '--regions', TOWNSHIPS, '--format', 'json']).stdout) as { completeness: { expected: number } };
    expect(withUnits.completeness.expected - without.completeness.expected).toBe(18);
  });

  it('a return with one value passes (exit 0)', () => {
    expect(plancheck(['check', ONE]).code).toBe(0);
  });
});
