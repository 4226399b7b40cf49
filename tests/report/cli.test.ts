// plancheck report through the BUILT binary (node bin/plancheck → dist/), as a user runs it:
// three outputs from one run, the shipped samples, real national figures worked by hand,
// and the refusals (bad -o, an -o naming an input, bad input: nothing written).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'plancheck');
const SAMPLE = join(ROOT, 'samples', 'taizhou-2020-2025.csv');
const TOWNSHIPS = join(ROOT, 'samples', 'townships.csv');
const NATIONAL = join(ROOT, 'tests', 'fixtures', 'report', 'national-mortality.csv');

/** Newest modification time of the sources the binary is built from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  // `npm test` builds first; build here too when dist/ is missing or older than src/.
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli) || statSync(cli).mtimeMs < newestSource(join(ROOT, 'src'))) {
    const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`build failed:\n${b.stderr.slice(-2000)}`);
  }
}, 120_000);

function plancheck(args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.PLANCHECK_LANG;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const schema = JSON.parse(readFileSync(join(ROOT, 'src', 'schema', 'report.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

interface JsonProgress {
  class: string;
  ratio: number | null;
  required: number | null;
  actual: number | null;
  projected: number | null;
  baseline: number | null;
  current: number | null;
  target: number | null;
  method: string;
  reason: string;
}
interface JsonReport {
  stage: string;
  year: number;
  method: string;
  summary: { total: number; byStatus: Record<string, number>; byClass: Record<string, number> };
  atRisk: Array<{ id: string; region: { code: string }; progress: JsonProgress }>;
  indicators: Array<{
    id: string;
    results: Array<{ region: { code: string; name: string }; status: string; values: Array<{ year: number; value: unknown }>; progress: JsonProgress; units?: Array<{ region: { name: string }; progress: JsonProgress }> }>;
  }>;
  notes: Array<{ note: string }>;
}

function readReport(path: string): JsonReport {
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!validate(data)) throw new Error(`not valid against src/schema/report.schema.json: ${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
  return data as JsonReport;
}

function result(report: JsonReport, id: string, region: string) {
  const hit = report.indicators.find((i) => i.id === id)?.results.find((r) => r.region.code === region);
  if (!hit) throw new Error(`no result for ${id} in ${region}`);
  return hit;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'plancheck-report-'));

describe('plancheck report on the shipped samples', () => {
  const dir = tmp();
  let run: ReturnType<typeof plancheck>;
  beforeAll(() => {
    run = plancheck(['report', SAMPLE, '--regions', TOWNSHIPS, '--stage', 'midterm', '-o', 'x.html', '-o', 'x.md', '-o', 'x.json'], dir);
  }, 60_000);

  it('writes all three files from one run and exits 0', () => {
    expect(run.stderr).not.toMatch(/^\s{4}at /m);
    expect(run.code).toBe(0);
    for (const f of ['x.html', 'x.md', 'x.json']) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(run.stdout).toMatch(/中期评估报告（2023年）/);
  });

  it('HTML: one self-contained file with no external request and no script', () => {
    const html = readFileSync(join(dir, 'x.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b|@import|url\(/i);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThan(40);
    expect(html).toContain('泰州市“十四五”儿童发展规划中期评估报告（2023年）');
    for (const label of ['已达标', '进度符合预期', '需加快进度', '进展有限', '出现倒退', '无法评估']) expect(html).toContain(label);
  });

  it('Markdown: the same content as tables', () => {
    const md = readFileSync(join(dir, 'x.md'), 'utf8');
    expect(md).toMatch(/^# 泰州市“十四五”儿童发展规划中期评估报告（2023年）/);
    expect(md).toMatch(/^## 一、总体情况$/m);
    // The tables are annexes after the narrative (issue 13).
    expect(md).toMatch(/^## 附表2 各地区达标情况（2023年）$/m);
    expect(md).toMatch(/^\| 指标 \| 泰州市 \| 海陵区 \| 高港区 \| 姜堰区 \| 兴化市 \| 靖江市 \| 泰兴市 \|$/m);
    expect(md).toMatch(/^## 附表4 数据备注$/m);
    expect(md).toContain('受疫情影响未开展筛查');
  });

  it('JSON: valid against the shipped schema, with the mid-term figures', () => {
    const r = readReport(join(dir, 'x.json'));
    expect([r.stage, r.year, r.method]).toEqual(['midterm', 2023, 'linear']);
    // samples/README.md: about 180 of 399 results are not met in 2023.
    expect(r.summary.total).toBe(399);
    expect(r.summary.byStatus['not-met']).toBeGreaterThan(150);
    // 空气质量优良天数比率, 泰州市: 80.33 % in 2020 met ≥ 78; below it in 2023 → moving away.
    expect(result(r, 'good-air-days', '321200').progress).toMatchObject({ class: 'moving-away', reason: 'fell-back', baseline: 80.33, target: 78 });
    // 靖江市 has no 2020 sexual-health figure (samples/README.md): no baseline, no class, for it and the city.
    expect(result(r, 'sexual-health-knowledge', '321282').progress).toMatchObject({ class: 'unknown', reason: 'no-baseline' });
    expect(result(r, 'sexual-health-knowledge', '321200').progress.class).toBe('unknown');
    // 儿童伤害死亡率, 泰兴市: 14.45 → 12.81 (24/166 077 → …): R just under 0.95 → must speed up.
    const injury = result(r, 'injury-mortality', '321283').progress;
    expect(injury.class).toBe('speed-up');
    expect(injury.ratio!).toBeLessThan(0.95);
    expect(injury.target!).toBeCloseTo(0.8 * injury.baseline!, 9);
    // The at-risk list is worst first.
    const ratios = r.atRisk.map((x) => x.progress.ratio).filter((x): x is number => x !== null);
    expect(ratios).toEqual([...ratios].sort((a, b) => a - b));
    expect(r.atRisk[0]!.progress.class).toBe('moving-away');
  });

  it('the final report looks at 2025; a township that met the line and fell back is moving away', () => {
    const d = tmp();
    const fin = plancheck(['report', SAMPLE, '--regions', TOWNSHIPS, '--stage', 'final', '-o', 'f.json'], d);
    expect(fin.code).toBe(0);
    const r = readReport(join(d, 'f.json'));
    expect(r.year).toBe(2025);
    expect(r.summary.byStatus).toMatchObject({ 'not-met': 19, 'no-data': 2, 'not-applicable': 1 });
    // 季市镇 96.77 → 94.20 against every township ≥ 95.
    const vacc = result(r, 'immunization-rate', '321282');
    expect(vacc.units?.map((u) => [u.region.name, u.progress.class])).toEqual([['季市镇', 'moving-away']]);
    // 儿童总体近视率, 高港区 52.60 → 49.90: t = 47.6, r = −1, a = −0.54, R = 0.54 → limited.
    const myopia = result(r, 'myopia-prevalence', '321203').progress;
    expect(myopia.class).toBe('limited');
    expect(myopia.ratio!).toBeCloseTo(0.54, 9);
    expect(myopia.projected!).toBeCloseTo(49.9, 9);
  });

  it('--lang en: English labels', () => {
    const d = tmp();
    expect(plancheck(['report', SAMPLE, '--regions', TOWNSHIPS, '--stage', 'midterm', '--lang', 'en', '-o', 'e.html'], d).code).toBe(0);
    const html = readFileSync(join(d, 'e.html'), 'utf8');
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('Mid-term evaluation report');
    expect(html).toContain('must speed up');
  });

  it('without -o prints the Markdown report', () => {
    const out = plancheck(['report', SAMPLE, '--regions', TOWNSHIPS, '--stage', 'midterm', '--region', '海陵'], tmp());
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^# .*中期评估报告/);
    expect(out.stdout).toMatch(/^\| 指标 \| 海陵区 \|$/m);
  });
});

describe('real national figures, worked by hand', () => {
  // 国家卫健委 statistical bulletins: infant mortality 5.4‰ (2020) → 4.5‰ (2023); under-5 mortality
  // 7.5‰ → 6.2‰; neonatal mortality 3.4‰ (2020 only). Read as the top region, against the plan's ≤ 4‰ and ≤ 5‰.
  // The national 2020 figures are not the plan's stated 1.94‰ and 3.36‰: they are paced from with
  // --baseline returns (corrected, issue 20 item 4: by default the plan's stated baseline is the city's).
  it('by default the plan’s stated 1.94‰ is the baseline, with a finding naming the return’s 5.4‰', () => {
    const d = tmp();
    const run = plancheck(['report', NATIONAL, '--stage', 'midterm', '-o', 'n.json'], d);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/“婴儿死亡率”报表数为 5\.4‰，与规划所述2020年基线 1\.94‰ 不符/);
    expect(result(readReport(join(d, 'n.json')), 'infant-mortality', '321200').progress).toMatchObject({ baseline: 1.94, baselineFrom: 'plan', class: 'moving-away' });
  });

  it('linear: infant on track (R 1.0714, projected 3.9‰), under-5 must speed up (R 0.8667), neonatal unknown', () => {
    const d = tmp();
    // The national series is not the city's: its own 2020 figures are the baseline (--baseline returns), not the plan's 1.94‰.
    const run = plancheck(['report', NATIONAL, '--stage', 'midterm', '--baseline', 'returns', '-o', 'n.json', '-o', 'n.md'], d);
    expect(run.code).toBe(0);
    const r = readReport(join(d, 'n.json'));
    const infant = result(r, 'infant-mortality', '321200');
    expect(infant.status).toBe('not-met');
    // r = (4 − 5.4) / 5 = −0.28; a = (4.5 − 5.4) / 3 = −0.30; R = 1.0714 → on track; 4.5 − 0.3 × 2 = 3.9.
    expect(infant.progress).toMatchObject({ class: 'on-track', method: 'linear', baseline: 5.4, current: 4.5, target: 4 });
    expect(infant.progress.required).toBeCloseTo(-0.28, 9);
    expect(infant.progress.actual).toBeCloseTo(-0.3, 9);
    expect(infant.progress.ratio).toBeCloseTo(1.0714285714, 9);
    expect(infant.progress.projected).toBeCloseTo(3.9, 9);
    // r = (5 − 7.5) / 5 = −0.5; a = (6.2 − 7.5) / 3 = −0.43333; R = 0.86667 → must speed up; 6.2 − 0.86667 = 5.33333.
    const under5 = result(r, 'under5-mortality', '321200').progress;
    expect(under5.class).toBe('speed-up');
    expect(under5.required).toBeCloseTo(-0.5, 9);
    expect(under5.actual).toBeCloseTo(-1.3 / 3, 9);
    expect(under5.ratio).toBeCloseTo(0.8666666667, 9);
    expect(under5.projected).toBeCloseTo(5.3333333333, 9);
    expect(result(r, 'neonatal-mortality', '321200').progress).toMatchObject({ class: 'unknown', reason: 'no-value' });
    expect(r.notes.map((n) => n.note)).toContain('全国数据：2023年我国卫生健康事业发展统计公报');
    // Values in the plan's two decimals (issue 20 §9): 5.40‰, 4.50‰, 3.90‰; paces keep their own.
    expect(readFileSync(join(d, 'n.md'), 'utf8')).toMatch(/\| 泰州市 \| 5\.40‰ \| — \| — \| 4\.50‰ \| 未达标 \| 进度符合预期 \| -0\.28个千分点\/年 \| -0\.3个千分点\/年 \| 1\.071 \| 3\.90‰ \|/);
  });

  it('cagr: infant r = (4/5.4)^(1/5) − 1 = −5.826 %, a = (4.5/5.4)^(1/3) − 1 = −5.896 %, R 1.0122 → on track', () => {
    const d = tmp();
    expect(plancheck(['report', NATIONAL, '--stage', 'midterm', '--method', 'cagr', '--baseline', 'returns', '-o', 'c.json'], d).code).toBe(0);
    const p = result(readReport(join(d, 'c.json')), 'infant-mortality', '321200').progress;
    expect(p).toMatchObject({ class: 'on-track', method: 'cagr' });
    expect(p.required).toBeCloseTo(-0.0582551665, 9);
    expect(p.actual).toBeCloseTo(-0.0589639711, 9);
    expect(p.ratio).toBeCloseTo(1.0121672404, 9);
    expect(p.projected).toBeCloseTo(3.9849696344, 9);
  });
});

describe('refusals: exit 2 and nothing written', () => {
  it('an -o whose extension names no report format', () => {
    const d = tmp();
    const r = plancheck(['report', NATIONAL, '--stage', 'final', '-o', 'x.html', '-o', 'x.csv'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.csv/);
    expect(readdirSync(d)).toEqual([]);
  });

  it('an -o that names an input', () => {
    const d = tmp();
    const r = plancheck(['report', NATIONAL, '--stage', 'final', '-o', 'x.md', '-o', NATIONAL], d);
    expect(r.code).toBe(2);
    expect(readdirSync(d)).toEqual([]);
    expect(readFileSync(NATIONAL, 'utf8')).toMatch(/^指标,地区,年份,数值,备注/);
  });

  it('input with errors', () => {
    const d = tmp();
    const r = plancheck(['report', join(ROOT, 'tests', 'fixtures', 'cli', 'several-errors.csv'), '--stage', 'midterm', '-o', 'x.html', '-o', 'x.json'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/several-errors\.csv:\d+:\d+/);
    expect(readdirSync(d)).toEqual([]);
  });

  it('a missing --stage or a bad --method is a usage error', () => {
    expect(plancheck(['report', NATIONAL], tmp()).code).toBe(2);
    expect(plancheck(['report', NATIONAL, '--stage', 'midterm', '--method', 'log'], tmp()).code).toBe(2);
  });
});
