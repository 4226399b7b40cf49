// --lang en reads its units in English (src/i18n/units.ts): a counter (人, 个, 所, 处) is left
// out, 小时 is h, 1/10万 is per 100,000; Chinese keeps the plan's own. Through the built binary,
// on the sample, in the table, the report and the workbook's number formats.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SAMPLE, TOWNSHIPS, plancheck, tempDir } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

/** A number followed by a Chinese unit: what English output must not show. */
const CHINESE_UNIT = /\d(?:人|个|所|处|小时|\/10万)/u;

describe('units in English', () => {
  it('the table: 1.2 h, 9.78 per 100,000, a bare 0.867 for 0.867人', () => {
    const en = plancheck(['evaluate', SAMPLE, '--lang', 'en', '--wide']);
    expect(en.stdout).not.toMatch(CHINESE_UNIT);
    expect(en.stdout).toMatch(/│ about 0\.85 \(≥ 0\.807\)\s+│ 0\.867\*\s+│ met/);
    expect(en.stdout).toMatch(/│ ≥1 h\s+│ 1\.2 h\s+│ met\s+│ 0\.2 h above the target/);
    expect(en.stdout).toMatch(/\d per 100,000\*? /);
    // Chinese keeps the plan's units.
    const zh = plancheck(['evaluate', SAMPLE, '--wide']);
    expect(zh.stdout).toMatch(/0\.867人\*/);
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
