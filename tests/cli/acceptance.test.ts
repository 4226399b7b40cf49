// End-to-end acceptance: small hand-written returns (tests/fixtures/cli/, see its README)
// through the BUILT binary with --format json, against verdicts worked out by hand from
// the plan (plan/*.yaml) and CONTRACT §2–§3. Each expected number is derived in a comment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT, STACK_LINE, fixture, parseEvaluation, plancheck, resultFor, type JsonEvaluation } from './helpers.js';

// Each case starts the CLI (a process, or the engine in-process) on a 2 238-row return.
vi.setConfig({ testTimeout: 60_000 });

const HAILING = '321202';
const GAOGANG = '321203';
const JIANGYAN = '321204';
const XINGHUA = '321281';
const JINGJIANG = '321282';
const TAIXING = '321283';
const CITY = '321200';

/** Evaluate fixture files; the exit status is returned with the parsed, schema-checked JSON. */
function evaluate(files: string[], extra: string[] = []): { code: number | null; e: JsonEvaluation; stderr: string } {
  const r = plancheck(['evaluate', ...files.map(fixture), '--format', 'json', ...extra]);
  expect(r.stderr).not.toMatch(STACK_LINE);
  return { code: r.code, e: parseEvaluation(r.stdout), stderr: r.stderr };
}

/** Runs once, on first use inside a test, so a failure is reported by the test that needs it. */
function once<T>(f: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: f() }).v;
}

const close = (actual: number | boolean | null | undefined, expected: number) => {
  expect(typeof actual).toBe('number');
  expect(actual as number).toBeCloseTo(expected, 9);
};

describe('Excel returns: GBK and UTF-8 with BOM, Chinese headers, 2023年, full-width digits, % for ‰, —', () => {
  // Both files hold the same four rows (CRLF):
  //   新生儿死亡率 海陵区 0.30%  → 0.30 % = 3 ‰ against ≤3 → met exactly on the bound, gap 0
  //   新生儿死亡率 高港区 0.31%  → 3.1 ‰ → not met, gap 0.1 ‰
  //   0-6岁…覆盖率 海陵区 ９８．６ → 98.6 against ≥98 → met, 0.6 beyond (gap −0.6)
  //   学前教育毛入园率 海陵区 —   → no data, the 备注 kept
  for (const file of ['excel-gbk.csv', 'excel-utf8-bom.csv']) {
    describe(file, () => {
      const run = once(() => evaluate([file]));

      it('is read without errors, as 2023, and exits 1 (one target not met)', () => {
        expect(run().e.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(run().e.year).toBe(2023);
        expect(run().code).toBe(1);
      });

      it('0.30% for a ‰ indicator is 3‰: met exactly on ≤3', () => {
        const r = resultFor(run().e, 'neonatal-mortality', HAILING);
        expect(r.status).toBe('met');
        close(r.value, 3);
        close(r.gap, 0);
        expect(r.unit).toBe('‰');
        expect(r.notes).toEqual(['按百分比填报']);
      });

      it('0.31% is 3.1‰: not met, 0.1 short', () => {
        const r = resultFor(run().e, 'neonatal-mortality', GAOGANG);
        expect(r.status).toBe('not-met');
        close(r.value, 3.1);
        close(r.gap, 0.1);
      });

      it('full-width ９８．６ reads as 98.6 and meets ≥98', () => {
        const r = resultFor(run().e, 'eye-care-coverage-0-6', HAILING);
        expect(r.status).toBe('met');
        close(r.value, 98.6);
        close(r.gap, -0.6);
        expect(r.notes).toEqual(['全角数字']);
      });

      it('— is missing: no data, with its 备注', () => {
        const r = resultFor(run().e, 'preschool-gross-enrolment', HAILING);
        expect(r.status).toBe('no-data');
        expect(r.value).toBeNull();
        expect(r.notes).toEqual(['尚未统计']);
      });
    });
  }

  it('the GBK file really is GBK (not UTF-8) and both files give the same results', () => {
    const gbk = readFileSync(join(ROOT, fixture('excel-gbk.csv')));
    const bom = readFileSync(join(ROOT, fixture('excel-utf8-bom.csv')));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(new TextDecoder('gb18030').decode(gbk)).toBe(new TextDecoder('utf-8').decode(bom.subarray(3)));
    expect(evaluate(['excel-gbk.csv']).e.results).toEqual(evaluate(['excel-utf8-bom.csv']).e.results);
  });

  it('check names the encodings it found', () => {
    const r = plancheck(['check', fixture('excel-gbk.csv'), fixture('excel-utf8-bom.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/excel-gbk\.csv.*(gb18030|gbk)/i);
    expect(r.stdout).toMatch(/excel-utf8-bom\.csv.*utf-8-bom/i);
  });
});

describe('values on the bounds, and one step either side (bounds.csv)', () => {
  const run = once(() => evaluate(['bounds.csv']));
  it.each([
    // 0-6岁儿童眼保健和视力检查年覆盖率 ≥98
    ['eye-care-coverage-0-6', HAILING, 'met', 98, 0],
    ['eye-care-coverage-0-6', GAOGANG, 'not-met', 97.9, 0.1],
    ['eye-care-coverage-0-6', JIANGYAN, 'met', 98.1, -0.1],
    // 4900/5000 × 100 = 98: on the bound, floating point must not flip it
    ['eye-care-coverage-0-6', XINGHUA, 'met', 98, 0],
    // 新生儿死亡率 ≤3
    ['neonatal-mortality', HAILING, 'met', 3, 0],
    ['neonatal-mortality', GAOGANG, 'not-met', 3.1, 0.1],
    ['neonatal-mortality', JIANGYAN, 'met', 2.9, -0.1],
  ] as const)('%s in %s: %s at %d (gap %d)', (id, region, status, value, gap) => {
    const r = resultFor(run().e, id, region);
    expect(r.status).toBe(status);
    close(r.value, value);
    close(r.gap, gap);
  });
});

describe('左右 bands (about.csv)', () => {
  const run = once(() => evaluate(['about.csv']));
  // Judged at the band's edge; the gap is to the plan's own number (CONTRACT §2), not to the edge.
  it.each([
    // 学前教育毛入园率 99%左右: a % target, ±1 percentage point → 98 or more; gap to 99
    ['preschool-gross-enrolment', HAILING, 'met', 98, 98, 1],
    ['preschool-gross-enrolment', GAOGANG, 'not-met', 97.9, 98, 1.1],
    // 每千名14岁以下儿童儿科医师数 0.85人左右: ±5 % → 0.85 × 0.95 = 0.8075 or more; gap to 0.85
    ['paediatricians-per-1000-children', HAILING, 'met', 0.8075, 0.8075, 0.0425],
    ['paediatricians-per-1000-children', GAOGANG, 'not-met', 0.807, 0.8075, 0.043],
    // 每千人口拥有３岁以下婴幼儿托位数 4.5个左右: 4.5 × 0.95 = 4.275 or more; gap to 4.5
    ['childcare-places-per-1000', HAILING, 'met', 4.275, 4.275, 0.225],
    ['childcare-places-per-1000', GAOGANG, 'not-met', 4.27, 4.275, 0.23],
  ] as const)('%s in %s: %s at %d (band edge %d, gap to the plan\'s number %d)', (id, region, status, value, edge, gap) => {
    const r = resultFor(run().e, id, region);
    expect(r.target.kind).toBe('about');
    expect(r.status).toBe(status);
    close(r.value, value);
    close(r.target.threshold, edge);
    close(r.gap, gap);
  });
});

describe('城市/农村 split: 家长学校或者家庭教育指导服务站点建成率 城市社区100 农村社区90 (split.csv)', () => {
  const run = once(() => evaluate(['split.csv']));

  it('城市 100, 农村 90 → met, each part met', () => {
    const r = resultFor(run().e, 'parent-school-rate', HAILING);
    expect(r.status).toBe('met');
    expect(r.target.text).toBe('城市社区100 农村社区90');
    expect(r.parts?.map((p) => [p.part, p.status, p.value])).toEqual([
      ['urban', 'met', 100],
      ['rural', 'met', 90],
    ]);
  });

  it('城市 100, 农村 89.9 → not met, and the failing part is the rural one', () => {
    const r = resultFor(run().e, 'parent-school-rate', GAOGANG);
    expect(r.status).toBe('not-met');
    const rural = r.parts?.find((p) => p.part === 'rural');
    expect(rural?.status).toBe('not-met');
    close(rural?.value, 89.9);
    close(rural?.gap, 0.1);
    expect(r.parts?.find((p) => p.part === 'urban')?.status).toBe('met');
    // The plan's two decimals (issue 20 §9): 89.90%, not 89.9%.
    expect(r.detail).toMatch(/农村社区90：89\.90% 未达标/);
    close(r.gap, 0.1);
  });

  it('a total computed from the 城市 and 农村 numerators and denominators is Σ/Σ and marked derived', () => {
    // 姜堰区: 城市 20/20, 农村 45/50 → total (20 + 45) / (20 + 50) = 65/70 = 92.857…%
    const r = resultFor(run().e, 'parent-school-rate', JIANGYAN);
    expect(r.status).toBe('met');
    close(r.value, (65 / 70) * 100);
    expect(r.derived).toBe(true);
  });
});

describe('the city from its six 市(区): Σ分子/Σ分母, never the mean of the rates (city-from-districts.csv)', () => {
  // 婴儿死亡率 ≤4‰, 2023, no 泰州市 row:
  //   海陵 6/3000 = 2, 高港 20/1000 = 20, 姜堰 6/3000 = 2, 兴化 8/4000 = 2, 靖江 4/2000 = 2, 泰兴 4/2000 = 2 (‰)
  //   Σ/Σ = 48/15000 × 1000 = 3.2‰ → met (0.8 beyond); the mean of the rates, 30/6 = 5‰, would not be.
  const run = once(() => evaluate(['city-from-districts.csv']));

  it('derives 泰州市 = 3.2‰, met, marked derived', () => {
    const r = resultFor(run().e, 'infant-mortality', CITY);
    close(r.value, 3.2);
    expect(r.value).not.toBeCloseTo(5, 3);
    expect(r.status).toBe('met');
    close(r.gap, -0.8);
    expect(r.derived).toBe(true);
  });

  it('judges each 市(区) on its own rows, not derived', () => {
    for (const region of [HAILING, JIANGYAN, XINGHUA, JINGJIANG, TAIXING]) {
      const r = resultFor(run().e, 'infant-mortality', region);
      expect(r.status).toBe('met');
      close(r.value, 2);
      expect(r.derived).toBe(false);
    }
    const gaogang = resultFor(run().e, 'infant-mortality', GAOGANG);
    expect(gaogang.status).toBe('not-met');
    close(gaogang.value, 20);
    close(gaogang.gap, 16);
  });

  it('exits 1 because 高港区 is not met', () => expect(run().code).toBe(1));

  it('does not derive the city when a 市(区) is missing', () => {
    // bounds.csv gives 新生儿死亡率 for three 市(区) only: no city value (absent, or no data).
    const city = evaluate(['bounds.csv']).e.results.filter((r) => r.id === 'neonatal-mortality' && r.region.code === CITY);
    expect(city.every((r) => r.status === 'no-data' && r.value === null)).toBe(true);
  });
});

describe('男/女 rows without a total: the total is Σ/Σ (sex-parts.csv)', () => {
  // 5岁以下儿童贫血率 (the half-width alias of ５岁以下儿童贫血率) ≤5 %, 海陵区 2023:
  //   男 12/100 = 12 %, 女 20/1000 = 2 % → total 32/1100 = 2.909…% → met (the mean, 7 %, would not be)
  const run = once(() => evaluate(['sex-parts.csv']));
  it('derives the total 2.909…%, met, marked derived', () => {
    const r = resultFor(run().e, 'under5-anaemia', HAILING);
    close(r.value, (32 / 1100) * 100);
    expect(r.status).toBe('met');
    close(r.gap, (32 / 1100) * 100 - 5);
    expect(r.derived).toBe(true);
    expect(run().code).toBe(0);
  });
});

describe('儿童伤害死亡率 下降20% against the 2020 row (injury-change.csv)', () => {
  // 海陵 10 → 8: (8 − 10)/10 = −20 % → met exactly; 高港 10 → 8.01: −19.9 % → not met,
  // 0.01 /10万 above the line 0.8 × 10 = 8.
  const run = once(() => evaluate(['injury-change.csv']));

  it('−20 % exactly is met', () => {
    const r = resultFor(run().e, 'injury-mortality', HAILING);
    expect(r.year).toBe(2023);
    expect(r.status).toBe('met');
    close(r.change, -0.2);
    close(r.target.threshold, 8);
    expect(r.baseline).toEqual({ year: 2020, value: 10, from: 'data' });
  });

  it('−19.9 % is not met, 0.01 short', () => {
    const r = resultFor(run().e, 'injury-mortality', GAOGANG);
    expect(r.status).toBe('not-met');
    close(r.change, -0.199);
    close(r.gap, 0.01);
  });

  it('shows the baseline as 10 (per 10万), not as “101/10万”', () => {
    // The unit is “1/10万”; written straight after the number, 10 reads as 101/10万.
    const r = resultFor(run().e, 'injury-mortality', HAILING);
    expect(r.detail).toMatch(/基线/);
    expect(r.detail).not.toMatch(/101\/10万/);
    // The plan's two decimals (issue 20 §9): 10.00/10万, never 101/10万.
    expect(r.detail).toMatch(/基线 10\.00\/10万/);
  });
});

describe('儿童总体近视率 平均每年降低1个百分点以上 (myopia-yearly.csv)', () => {
  // 海陵 60.0 (2020) → 57.0 (2023): (57 − 60)/3 = −1 pp a year → met exactly.
  // 高港 60.0 → 57.1: −0.967 pp a year → not met; the line is 60 − 3 × 1 = 57, so 0.1 short.
  const run = once(() => evaluate(['myopia-yearly.csv']));
  it('−1 pp a year exactly is met', () => {
    const r = resultFor(run().e, 'myopia-prevalence', HAILING);
    expect(r.status).toBe('met');
    close(r.change, -1);
    close(r.gap, 0);
  });
  it('−0.967 pp a year is not met, 0.1 short', () => {
    const r = resultFor(run().e, 'myopia-prevalence', GAOGANG);
    expect(r.status).toBe('not-met');
    close(r.change, -2.9 / 3);
    close(r.gap, 0.1);
  });
});

describe('a return with several errors (several-errors.csv)', () => {
  const run = once(() => evaluate(['several-errors.csv']));
  const file = 'tests/fixtures/cli/several-errors.csv';

  it('exits 2', () => expect(run().code).toBe(2));

  it('reports EVERY error with file:line:column, in the JSON and on standard error', () => {
    const errors = run().e.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.file, d.line, d.column, d.code])).toEqual([
      [file, 2, 1, 'data/unknown-indicator-did-you-mean'], // 婴儿死忘率
      [file, 3, 2, 'data/unknown-region'], // 浦东新区
      [file, 4, 4, 'data/not-a-number'], // 9 8
      [file, 5, 3, 'data/not-a-year'], // 二〇二三
    ]);
    expect(run().stderr).toMatch(new RegExp(`${file}:2:1: .*婴儿死忘率.*婴儿死亡率`));
    expect(run().stderr).toMatch(new RegExp(`${file}:3:2: .*浦东新区`));
    expect(run().stderr).toMatch(new RegExp(`${file}:4:4: .*9 8`));
    expect(run().stderr).toMatch(new RegExp(`${file}:5:3: .*二〇二三`));
  });

  it('still evaluates the good row', () => {
    const r = resultFor(run().e, 'neonatal-mortality', XINGHUA);
    expect(r.status).toBe('met');
    close(r.value, 2.5);
  });
});

describe('real published figures: China 2020 (国家卫生健康委员会《2020年我国卫生健康事业发展统计公报》) entered as 全市 (national-2020.csv)', () => {
  // National 2020: neonatal 3.4‰, infant 5.4‰, under-5 7.5‰ — all above Taizhou's 2025 lines.
  const run = once(() => evaluate(['national-2020.csv']));
  it.each([
    ['neonatal-mortality', 3.4, 0.4], // ≤3
    ['infant-mortality', 5.4, 1.4], // ≤4
    ['under5-mortality', 7.5, 2.5], // ≤5
  ] as const)('%s %d‰ → not met, %d short', (id, value, gap) => {
    const r = resultFor(run().e, id, CITY);
    expect(r.year).toBe(2020);
    expect(r.region.name).toBe('泰州市');
    expect(r.status).toBe('not-met');
    close(r.value, value);
    close(r.gap, gap);
    expect(r.notes).toEqual(['全国数据：2020年我国卫生健康事业发展统计公报']);
  });
  it('exits 1', () => expect(run().code).toBe(1));
});
