// Error storms (issue 22 §2): a return whose every row has the same error keeps the first
// FINDINGS_KEPT (100) of the kind in memory and counts the rest exactly; the terminal says how
// many more there are and that 100 were kept, the JSON outputs carry the exact counts, and
// --diagnostics FILE (written as the findings come) has every one. Through the built CLI, on
// small generated returns on either side of the bound.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plancheck, tempDir } from './helpers.js';

const KEPT = 100;

/** A long return of `rows` rows, each made by `row(i)`. */
function storm(dir: string, name: string, rows: number, row: (i: number) => string): string {
  const path = join(dir, name);
  const lines = ['indicator,region,year,value'];
  for (let i = 0; i < rows; i++) lines.push(row(i));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const outOfRange = (i: number) => `新生儿死亡率,泰州市,${2200 + (i % 50)},1.5`;

/** The data rows of a --diagnostics CSV (header and BOM off). */
function csvRows(path: string): string[] {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n').slice(1);
}

describe('a storm of one error: 250 rows in a year out of range', () => {
  const dir = tempDir('plancheck-storm-');
  const file = storm(dir, 'years.csv', 250, outOfRange);

  it('the terminal shows three, the exact count of the rest and the bound kept; exit 2', () => {
    const r = plancheck(['evaluate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/\[data\/year-out-of-range\]/g)).toHaveLength(3);
    expect(r.stderr).toContain('……另有 247 处同类问题（同类只保留前 100 处；逐条列表见 --diagnostics 文件）');
    expect(r.stderr).toMatch(/共 251 条发现：错误 251（data\/year-out-of-range 250、run\/rows-dropped 1）/);
    expect(r.stderr).toContain('--format json 每类只列前 100 条');
    expect(r.stderr).toContain('输入有 251 个错误');
  });

  it('in English too', () => {
    const r = plancheck(['evaluate', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('… and 247 more of the same kind (the first 100 kept; every one is in a --diagnostics file)');
    expect(r.stderr).toContain('the input has 251 errors');
  });

  it('evaluate --format json lists 100 and counts all 250 in omittedFindings', () => {
    const r = plancheck(['evaluate', file, '--format', 'json']);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout) as { diagnostics: Array<{ code: string; message: string }>; omittedFindings: unknown[] };
    expect(j.diagnostics.filter((d) => d.code === 'data/year-out-of-range')).toHaveLength(KEPT);
    const omitted = j.diagnostics.filter((d) => d.code === 'findings/omitted');
    expect(omitted).toHaveLength(1);
    expect(omitted[0]!.message).toContain('另有 150 处同类问题（data/year-out-of-range）未列出：同类共 250 处，只保留前 100 处');
    expect(j.omittedFindings).toEqual([{ severity: 'error', code: 'data/year-out-of-range', indicator: null, count: 250, kept: KEPT, omitted: 150 }]);
  });

  it('check --format json: exact counts in its summary, and not valid', () => {
    const r = plancheck(['check', file, '--format', 'json']);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout) as { valid: boolean; summary: { errors: number; omitted: Array<{ count: number; omitted: number }> }; findings: unknown[] };
    expect(j.valid).toBe(false);
    expect(j.summary.errors).toBe(251);
    expect(j.summary.omitted).toMatchObject([{ code: 'data/year-out-of-range', count: 250, kept: KEPT, omitted: 150 }]);
    expect(j.findings).toHaveLength(KEPT + 2);
  });

  it('--diagnostics FILE.csv has every one of the 250, and nothing is left beside it', () => {
    const out = join(dir, 'all.csv');
    const r = plancheck(['evaluate', file, '--diagnostics', out]);
    expect(r.code).toBe(2);
    const rows = csvRows(out);
    expect(rows.filter((l) => l.includes(',data/year-out-of-range,'))).toHaveLength(250);
    expect(rows.at(-1)).toContain(',run/rows-dropped,');
    expect(rows).toHaveLength(251);
    // Line by line, in the order of the return.
    expect(rows.slice(0, 250).map((l) => Number(l.split(',')[1]))).toEqual(Array.from({ length: 250 }, (_, i) => i + 2));
    expect(rows.some((l) => l.includes('findings/omitted'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('--diagnostics FILE.json has every one and its exact counts', () => {
    const out = join(dir, 'all.json');
    plancheck(['check', file, '--diagnostics', out]);
    const j = JSON.parse(readFileSync(out, 'utf8')) as { diagnostics: Array<{ code: string; line: number | null }>; summary: Record<string, number> };
    expect(j.diagnostics.filter((d) => d.code === 'data/year-out-of-range')).toHaveLength(250);
    expect(j.summary).toEqual({ total: 251, errors: 251, warnings: 0, infos: 0 });
  });

  it('a run that fails after reading (an unknown --region) leaves no --diagnostics file, nor its temporary file', () => {
    const out = join(dir, 'failed.csv');
    const r = plancheck(['evaluate', file, '--region', '不存在区', '--diagnostics', out]);
    expect(r.code).toBe(2);
    expect(readdirSync(dir).filter((n) => n.startsWith('failed') || n.startsWith('.failed'))).toEqual([]);
  });
});

describe('the bound: exactly 100 of a kind, and 101', () => {
  const dir = tempDir('plancheck-storm-bound-');

  it('100: all kept, nothing said about a bound, omittedFindings empty', () => {
    const file = storm(dir, 'hundred.csv', KEPT, outOfRange);
    const r = plancheck(['evaluate', file]);
    expect(r.stderr).toContain('……另有 97 处同类问题\n');
    expect(r.stderr).not.toContain('只保留');
    const j = JSON.parse(plancheck(['evaluate', file, '--format', 'json']).stdout) as { diagnostics: Array<{ code: string }>; omittedFindings: unknown[] };
    expect(j.diagnostics.filter((d) => d.code === 'data/year-out-of-range')).toHaveLength(KEPT);
    expect(j.diagnostics.some((d) => d.code === 'findings/omitted')).toBe(false);
    expect(j.omittedFindings).toEqual([]);
  });

  it('101: 100 kept, the one left out counted', () => {
    const file = storm(dir, 'hundred-one.csv', KEPT + 1, outOfRange);
    const r = plancheck(['evaluate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('……另有 98 处同类问题（同类只保留前 100 处');
    const j = JSON.parse(plancheck(['evaluate', file, '--format', 'json']).stdout) as { omittedFindings: unknown[] };
    expect(j.omittedFindings).toEqual([{ severity: 'error', code: 'data/year-out-of-range', indicator: null, count: KEPT + 1, kept: KEPT, omitted: 1 }]);
    const out = join(dir, 'hundred-one-all.csv');
    plancheck(['evaluate', file, '--diagnostics', out]);
    expect(csvRows(out).filter((l) => l.includes(',data/year-out-of-range,'))).toHaveLength(KEPT + 1);
  });
});

describe('other storms go through the same bound', () => {
  const dir = tempDir('plancheck-storm-kinds-');

  it('every row an unknown region: the headline counts every row and every distinct name', () => {
    const file = storm(dir, 'regions.csv', 300, (i) => `新生儿死亡率,某区${i % 150},2023,1.5`);
    const r = plancheck(['evaluate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('另有 297 处同类问题（同类只保留前 100 处');
    expect(r.stderr).toMatch(/共 300 行写了 plancheck 不认识的地区（单位），涉及 150 个名称：某区0、某区1、某区2、某区3、某区4 等/);
    const j = JSON.parse(plancheck(['evaluate', file, '--format', 'json']).stdout) as { omittedFindings: Array<{ code: string; count: number }> };
    expect(j.omittedFindings).toMatchObject([{ code: 'data/unknown-region', count: 300, omitted: 200 }]);
    const out = join(dir, 'regions-all.csv');
    plancheck(['evaluate', file, '--diagnostics', out]);
    expect(csvRows(out).filter((l) => l.includes(',data/unknown-region,'))).toHaveLength(300);
  });

  it('every cell not a number: 100 kept, all 180 counted and in the file', () => {
    const file = storm(dir, 'nan.csv', 180, (i) => `${i % 2 ? '婴儿死亡率' : '新生儿死亡率'},泰州市,${2020 + (i % 6)},abc${i}`);
    const r = plancheck(['evaluate', file, '--format', 'json']);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout) as { diagnostics: Array<{ code: string }>; omittedFindings: unknown[] };
    expect(j.omittedFindings).toEqual([{ severity: 'error', code: 'data/not-a-number', indicator: null, count: 180, kept: KEPT, omitted: 80 }]);
    expect(j.diagnostics.filter((d) => d.code === 'data/not-a-number')).toHaveLength(KEPT);
    expect(plancheck(['evaluate', file]).stderr).toContain('另有 177 处同类问题（同类只保留前 100 处');
    const out = join(dir, 'nan-all.csv');
    plancheck(['evaluate', file, '--diagnostics', out]);
    expect(csvRows(out).filter((l) => l.includes(',data/not-a-number,'))).toHaveLength(180);
  });

  it('a kind is one code of one indicator: the bound is counted for each indicator apart', () => {
    // A negative value names its indicator: 150 of each of two indicators, two kinds.
    const file = storm(dir, 'negative.csv', 300, (i) => `${i % 2 ? '婴儿死亡率' : '新生儿死亡率'},泰州市,${2020 + (i % 6)},-${i + 1}`);
    const j = JSON.parse(plancheck(['evaluate', file, '--format', 'json']).stdout) as { omittedFindings: Array<{ code: string; indicator: string | null; count: number; kept: number; omitted: number }> };
    expect(j.omittedFindings.map((o) => [o.code, o.indicator, o.count, o.kept, o.omitted])).toEqual([
      ['data/negative-value', '新生儿死亡率', 150, KEPT, 50],
      ['data/negative-value', '婴儿死亡率', 150, KEPT, 50],
    ]);
  });
});

describe('a finding the reader keeps adding to reaches the streamed file in its final form', () => {
  it('indicators not in the plan: one finding counting every row, in --diagnostics FILE.json too', () => {
    const dir = tempDir('plancheck-storm-open-');
    const file = storm(dir, 'extra.csv', 4, (i) => (i < 3 ? `孕产妇死亡率,泰州市,${2020 + i},10.5` : '新生儿死亡率,泰州市,2023,1.5'));
    const out = join(dir, 'all.json');
    const r = plancheck(['evaluate', file, '--diagnostics', out]);
    expect(r.stderr).toContain('[data/indicators-not-in-plan]');
    const j = JSON.parse(readFileSync(out, 'utf8')) as { diagnostics: Array<{ code: string; params: Record<string, unknown> }> };
    const found = j.diagnostics.filter((d) => d.code === 'data/indicators-not-in-plan');
    expect(found).toHaveLength(1);
    expect(found[0]!.params).toMatchObject({ rows: 3, count: 1, names: '孕产妇死亡率' });
  });
});
