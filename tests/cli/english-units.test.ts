// --lang en reads its units in English (src/i18n/units.ts): a counter (人, 个, 所, 处) is left
// out, 小时 is h, 1/10万 is per 100,000; Chinese keeps the plan's own. The data-quality findings
// name the plan's indicators by their English names and a year as 2023, not 2023年. Through the
// built binary, on the sample, in the table, the report, the findings and check's report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SAMPLE, TOWNSHIPS, plancheck, tempDir } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

/** A number followed by a Chinese unit: what English output must not show. */
const CHINESE_UNIT = /\d(?:人|个|所|处|小时|\/10万)/u;

describe('units in English', () => {
  it('the table: 1.2 h, 9.78 per 100,000, a bare 0.87 for 0.87人 (the plan’s two decimals)', () => {
    const en = plancheck(['evaluate', SAMPLE, '--lang', 'en', '--wide']);
    expect(en.stdout).not.toMatch(CHINESE_UNIT);
    expect(en.stdout).toMatch(/│ about 0\.85 \(≥ 0\.807\)\s+│ 0\.87\*\s+│ met/);
    expect(en.stdout).toMatch(/│ ≥1 h\s+│ 1\.2 h\s+│ met\s+│ 0\.2 h above the target/);
    expect(en.stdout).toMatch(/\d per 100,000\*? /);
    // Chinese keeps the plan's units.
    const zh = plancheck(['evaluate', SAMPLE, '--wide']);
    expect(zh.stdout).toMatch(/0\.87人\*/);
    expect(zh.stdout).toMatch(/1\.2小时/);
  });

  it('the report: figures, differences and paces in English units', () => {
    const dir = tempDir();
    const r = plancheck(['report', SAMPLE, '--regions', TOWNSHIPS, '--stage', 'midterm', '--lang', 'en', '-o', join(dir, 'r.md')]);
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, 'r.md'), 'utf8');
    // The plan's own words are quoted as the plan writes them (Target (2025): 0.85人左右); the figures are English.
    const figures = md.split('\n').filter((l) => !/^(Target|Plan text)/.test(l));
    expect(figures.join('\n')).not.toMatch(CHINESE_UNIT);
    expect(md).toContain('Child injury mortality rate, 泰州市, 2023: 11.27 per 100,000, down 2.59 per 100,000 from 2020');
    expect(md).toContain('needs +0.14 h a year');
    expect(md).toContain('all 5 county-level units meeting the target (at least 1)');
  });
});

describe('findings in English', () => {
  const GBK = 'samples/taizhou-2025-gbk.csv';

  it('name indicators as the plan does in English, and years without 年', () => {
    const r = plancheck(['check', GBK, '--lang', 'en']);
    expect(r.stderr).toContain('taizhou-2025-gbk.csv:4:4: note: 姜堰区 2025: the value of "Neonatal mortality rate" was written in % and converted to 1.5‰');
    expect(r.stderr).toContain('warning: no data for "Children\'s council established" in 泰州市 for 2025 (cells missing: 1)');
    expect(r.stderr).not.toMatch(/\d年|新生儿死亡率/u);
    // check's own report: English title, colons and names.
    expect(r.stdout).toMatch(/^Data-quality report: Taizhou Children's Development Plan/u);
    expect(r.stdout).toMatch(/^Files:$/mu);
    expect(r.stdout).toMatch(/^Findings: errors 0, warnings \d+, notes \d+$/mu);
    expect(r.stdout).not.toMatch(/[：、]/u);
    // Chinese as before.
    const zh = plancheck(['check', GBK]);
    expect(zh.stderr).toContain('姜堰区 2025年：“新生儿死亡率”的数值以“%”填写，已换算为 1.5‰');
  });

  it('lists in messages are comma-separated in English, 、-separated in Chinese', () => {
    // A regions file given as a return: no indicator, year or value column.
    const en = plancheck(['check', TOWNSHIPS, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('add it to the first line under one of these names: 指标, 指标名称, 指标代码, indicator, indicator id, indicator name [data/missing-column]');
    expect(en.stderr).not.toMatch(/[、：]/u);
    const zh = plancheck(['check', TOWNSHIPS]);
    expect(zh.stderr).toMatch(/指标、指标名称、指标代码、indicator、indicator id、indicator name/u);
  });

  it('the indicators a return leaves out, in English and comma-separated', () => {
    const r = plancheck(['check', 'tests/fixtures/cli/townships-only.csv', '--regions', TOWNSHIPS, '--lang', 'en']);
    // (the report wraps at the terminal's width, 100 columns in a pipe: its continuation lines joined)
    expect(r.stdout.replace(/\n {2}(?=\S)/g, ' ')).toMatch(/^Indicators the return does not cover \(55, not in the grids\): Gross pre-school enrolment rate, /mu);
    const json = JSON.parse(plancheck(['check', 'tests/fixtures/cli/townships-only.csv', '--regions', TOWNSHIPS, '--lang', 'en', '--format', 'json']).stdout) as { plan: object; completeness: { indicators: object[] } };
    // The JSON's data stays the plan's own: its title and names, as in Chinese.
    expect(json.plan).toEqual({ id: 'taizhou-children-2021-2025', title: '泰州市“十四五”儿童发展规划' });
    expect(Object.keys(json.completeness.indicators[0]!)).toEqual(['id', 'name']);
  });
});
