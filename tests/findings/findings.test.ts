// Grouped findings, --diagnostics, rounded numbers, the gap's words, the target's unit and
// the table's width, through the built binary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticMessage } from '../../src/i18n/index.js';
import { plancheck, SAMPLE, TOWNSHIPS, tempDir, fixture } from '../cli/helpers.js';

const LONG_DECIMAL = /\d\.\d{5,}/;

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

describe('findings grouped on the terminal', () => {
  it('the sample without --regions says once that 108 rows name unknown units, in ≤ 30 lines', () => {
    const r = plancheck(['evaluate', SAMPLE]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(lines.filter((l) => l.includes('[data/unknown-region]'))).toHaveLength(3);
    expect(r.stderr).toMatch(/另有 105 处同类问题/);
    expect(r.stderr).toMatch(/共 108 行写了 plancheck 不认识的地区/);
    expect(r.stderr.match(/用 --regions 提供乡镇（街道）名单/g)?.length).toBe(2); // the fix once, and the units-unknown info
    // 108 errors, the units-unknown info and (issue 20 item 4) six 2020 city figures, Σ/Σ of the
    // 市(区), that are not the plan's stated baselines; the sample's 2025 jump in 兴化市 (11/7,539 →
    // 21/7,000 newborn deaths) is within chance, so no outlier finding.
    expect(r.stderr).toMatch(/共 115 条发现：错误 108（data\/unknown-region 108），警告 0，提示 7（quality\/baseline-differs-plan 6、quality\/units-unknown 1）/);
  });

  it('English too', () => {
    const r = plancheck(['evaluate', SAMPLE, '--lang', 'en']);
    expect(r.stderr).toMatch(/… and 105 more of the same kind/);
    expect(r.stderr).toMatch(/108 rows name regions \(units\) plancheck does not know/);
  });

  it('three of a kind or fewer are shown whole, without a summary', () => {
    const r = plancheck(['check', 'tests/fixtures/ingest/ratio-mismatch.csv']);
    expect(r.stderr).not.toMatch(/同类问题|条发现/);
    expect(r.stderr).toMatch(/ratio-mismatch\.csv:3:4: 错误: .*请核对数值、分子和分母 \[data\/ratio-mismatch\]/);
  });
});

describe('--diagnostics FILE', () => {
  it('writes every finding as CSV (BOM, formula cells neutralised) and JSON (full params)', () => {
    const dir = tempDir();
    const csv = join(dir, 'd.csv');
    const json = join(dir, 'd.json');
    expect(plancheck(['evaluate', SAMPLE, '--diagnostics', csv]).code).toBe(2);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFfile,line,column,severity,code,message')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(1 + 115);
    expect(plancheck(['check', SAMPLE, '--diagnostics', json]).code).toBe(2);
    const data = JSON.parse(readFileSync(json, 'utf8')) as { summary: { total: number }; diagnostics: Array<{ code: string; line: number; params: object }> };
    expect(data.summary.total).toBe(115);
    expect(data.diagnostics[0]).toMatchObject({ code: 'data/unknown-region', line: 1580, params: { name: '城东街道' } });
    expect(plancheck(['report', SAMPLE, '--stage', 'midterm', '--diagnostics', join(dir, 'r.json')]).code).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).summary.errors).toBe(108);
  });

  it('neutralises a formula in a finding', () => {
    const dir = tempDir();
    const csv = join(dir, 'd.csv');
    plancheck(['check', fixture('formula-notes.csv'), '--diagnostics', csv]);
    for (const line of readFileSync(csv, 'utf8').split('\r\n').slice(1)) for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('refuses an input file or another extension, before any work', () => {
    const r = plancheck(['evaluate', SAMPLE, '--diagnostics', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/会覆盖输入文件/);
    expect(plancheck(['check', SAMPLE, '--diagnostics', 'x.txt']).stderr).toMatch(/只能写成 \.csv 或 \.json/);
  });
});

describe('numbers in messages are rounded', () => {
  it('an outlier message reads 13.95‰, the params keep the whole number', () => {
    const d = {
      severity: 'warning' as const,
      code: 'quality/outlier',
      params: { cell: '镇13 2022年', indicator: '5岁以下儿童死亡率', fromYear: 2021, fromValue: '0‰', toValue: '13.9534883721‰', change: '+13.9534883721', typical: 2.42424242424 },
    };
    const m = diagnosticMessage(d, 'zh');
    expect(m).toContain('13.95‰');
    expect(m).toContain('+13.95');
    expect(m).toContain('2.42');
    expect(m).not.toMatch(LONG_DECIMAL);
    expect(d.params.toValue).toBe('13.9534883721‰');
  });

  it('a cell quoted from a return stays as written', () => {
    const m = diagnosticMessage({ severity: 'error', code: 'data/ratio-mismatch', params: { value: '1.500001', computed: 1.5, numerator: 3, denominator: 2000 } }, 'zh');
    expect(m).toContain('1.500001');
  });

  it('no message of the sample runs or fixtures has five decimals', () => {
    const files = [SAMPLE, ...['about.csv', 'bounds.csv', 'city-from-districts.csv', 'injury-change.csv', 'myopia-yearly.csv', 'several-errors.csv', 'split.csv', 'sex-parts.csv'].map(fixture), 'tests/fixtures/ingest/ratio-mismatch.csv', 'tests/fixtures/report/national-mortality.csv'];
    for (const f of files) {
      for (const extra of [[], ['--regions', TOWNSHIPS]]) {
        const e = plancheck(['evaluate', f, '--year', 'all', '--format', 'json', ...extra]);
        expect(e.stderr).not.toMatch(LONG_DECIMAL);
        const data = JSON.parse(e.stdout) as { diagnostics: Array<{ message: string }>; results: Array<{ detail: string }> };
        for (const m of [...data.diagnostics.map((d) => d.message), ...data.results.map((x) => x.detail)]) expect(m).not.toMatch(LONG_DECIMAL);
        expect(plancheck(['check', f, ...extra]).stderr).not.toMatch(LONG_DECIMAL);
      }
    }
  }, 120_000);
});

describe('the verdict reads right', () => {
  it('a met ceiling is 低于上限, a floor 超过目标, a band 在目标区间内, targets with units', () => {
    const r = plancheck(['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--region', '泰州市', '--format', 'csv']);
    const rows = r.stdout.split('\r\n');
    const row = (name: string) => rows.find((l) => l.includes(`,${name},`)) ?? '';
    expect(row('新生儿死亡率')).toContain('低于上限 1.27个千分点');
    expect(row('新生儿死亡率')).not.toContain('超出');
    expect(row('适龄儿童免疫规划疫苗接种率')).toContain('距目标还差 0.80个百分点');
    expect(row('每千名14岁以下儿童儿科医师数')).toContain('在目标区间内');
    const table = plancheck(['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--region', '泰州市']).stdout;
    expect(table).toContain('≤3‰');
    expect(table).toContain('≥98%');
  });

  it('English says it too', () => {
    const r = plancheck(['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--region', '泰州市', '--format', 'csv', '--lang', 'en']);
    expect(r.stdout).toContain('1.27 ‰ points under the ceiling');
  });
});

describe('the table fits the terminal', () => {
  const maxWidth = (s: string) => Math.max(...s.split('\n').map(width));
  it('100 columns by default, COLUMNS when set, one line a result with --wide', () => {
    const args = ['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--region', '泰州市'];
    const byDefault = plancheck(args, { env: { COLUMNS: undefined } }).stdout;
    expect(maxWidth(byDefault)).toBeLessThanOrEqual(100);
    expect(byDefault).not.toContain('│ 说明');
    expect(byDefault).toMatch(/^│ +│ +基线 55\.51%（2020）/m);
    const wider = plancheck(args, { env: { COLUMNS: '160' } }).stdout;
    expect(maxWidth(wider)).toBeLessThanOrEqual(160);
    expect(wider).toContain('│ 说明');
    const wide = plancheck([...args, '--wide'], { env: { COLUMNS: '80' } }).stdout;
    expect(wide).toMatch(/│ ★4 0-6岁儿童眼保健和视力检查年覆盖率 +│/);
    expect(maxWidth(wide)).toBeGreaterThan(160);
  });
});
