// The year-on-year test of rates against chance (src/quality/rate-tests.ts, outliers.ts).
import { describe, expect, it } from 'vitest';
import { readReturns } from '../../src/ingest/read-returns.js';
import { checkQuality } from '../../src/quality/index.js';
import { changeZ, dispersion, poissonTest, proportionZ, RateTests } from '../../src/quality/rate-tests.js';
import { diag } from '../../src/diagnostics.js';
import { realContext, text } from './real-plan.js';

const ctx = realContext();

describe('the two-sample tests', () => {
  it('exact conditional Poisson test: closed forms of the binomial under equal exposure', () => {
    // 0 → 4 events, equal exposures: p = 2 · ½⁴.
    expect(poissonTest(0, 1000, 4, 1000)).toBeCloseTo(0.125, 14);
    // 1 → 1: no evidence at all.
    expect(poissonTest(1, 1000, 1, 1000)).toBe(1);
    // No events: no test.
    expect(poissonTest(0, 70, 0, 70)).toBeNaN();
    // 0 → 1 death in 70 births each year: p = 1, whatever the jump from 0‰ to 14‰.
    expect(poissonTest(0, 70, 1, 70)).toBe(1);
  });

  it('sums the probabilities up to 200 events, and agrees with the incomplete beta beyond', () => {
    // 100 vs 101 events (small path) and 100 vs 102 (beta path) are close.
    const small = poissonTest(80, 1000, 120, 1000);
    const large = poissonTest(80, 1000, 122, 1000);
    expect(small).toBeGreaterThan(large);
    expect(small / large).toBeLessThan(1.6);
    // The binomial tail by the beta function on the boundary of the two paths.
    expect(poissonTest(90, 1000, 110, 1000)).toBeCloseTo(poissonTest(90.0000001, 1000, 110, 1000), 5);
  });

  it('two-proportion z-test: the textbook formula with the pooled proportion', () => {
    // 90/100 → 80/100: pooled 0.85, SE = √(0.85·0.15·0.02) = 0.0505.
    expect(proportionZ(90, 100, 80, 100)).toBeCloseTo(-0.1 / Math.sqrt(0.85 * 0.15 * 0.02), 12);
    expect(proportionZ(100, 100, 50, 50)).toBeNaN();
    expect(changeZ('wilson', 101, 100, 90, 100)).toBeUndefined();
    expect(changeZ('garwood', 1, 0, 1, 10)).toBeUndefined();
  });

  it('overdispersion: 1 unless the z-scores vary more than chance, and only from 5 changes', () => {
    expect(dispersion(Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.5), 5)).toBe(1);
    expect(dispersion(Float64Array.of(9, 9, 9, 9), 4)).toBe(1);
    expect(dispersion(Float64Array.of(9, 9, 9, 9, 9), 5)).toBeCloseTo(9 / 0.454936, 4);
  });

  it('Holm: the k-th smallest p against α / (m − k), stopping at the first that fails', () => {
    const tests = new RateTests();
    tests.count = 4;
    const at = (p: number) => tests.consider(p, () => diag('warning', 'quality/outlier-rate', { p }));
    // α/4 = 0.00025, α/3 = 0.000333, α/2 = 0.0005.
    at(0.0003);
    at(0.0002);
    at(0.0006);
    expect(tests.flagged().map((d) => d.params.p)).toEqual([0.0002, 0.0003]);
  });
});

/** 6 市(区) × 2020–2025 of one rate, numerator and denominator from a function. */
function series(indicator: string, counts: (district: number, year: number) => [number, number]): string {
  const districts = ['海陵区', '高港区', '姜堰区', '兴化市', '靖江市', '泰兴市'];
  const rows = ['指标,地区,年份,数值,分子,分母'];
  districts.forEach((d, i) => {
    for (let y = 2020; y <= 2025; y++) {
      const [x, n] = counts(i, y);
      rows.push(`${indicator},${d},${y},,${x},${n}`);
    }
  });
  return `${rows.join('\n')}\n`;
}

function outliers(body: string) {
  const read = readReturns([text(body, 's.csv')], ctx);
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checkQuality(ctx.plan, ctx.regions, read.observations).findings.filter((d) => d.code.startsWith('quality/outlier'));
}

describe('outliers of rates: beyond chance given both years’ denominators', () => {
  const deaths = (i: number, y: number) => 8 + ((i * 3 + y) % 4);

  it('flags a real jump of infant deaths (9 → 60 in 5,000 births) and the fall back', () => {
    const found = outliers(series('婴儿死亡率', (i, y) => [i === 2 && y === 2024 ? 60 : deaths(i, y), 5000]));
    expect(found.map((d) => [d.code, d.params.cell, d.params.fromCounts, d.params.toCounts])).toEqual([
      ['quality/outlier-rate', '姜堰区 2024年', '9/5000', '60/5000'],
      ['quality/outlier-rate', '姜堰区 2025年', '60/5000', '11/5000'],
    ]);
    expect(found[0]!.params.tests).toBe(30);
  });

  it('does not flag a chance jump: 0 → 1 death in 70 births (0‰ → 14.3‰)', () => {
    expect(outliers(series('婴儿死亡率', (i, y) => [i === 0 && y === 2025 ? 1 : 0, 70]))).toEqual([]);
  });

  it('judges a % rate against its own year-to-year spread: steady noise is not flagged, a drop from 95 % to 60 % is', () => {
    // Moves of up to 2 points a year where chance allows about 1: overdispersed, as coverage rates are.
    const noisy = (i: number, y: number): [number, number] => [940 + ((i * 7 + y * 3) % 20), 1000];
    expect(outliers(series('普惠性幼儿园覆盖率', noisy))).toEqual([]);
    const found = outliers(series('普惠性幼儿园覆盖率', (i, y) => (i === 4 && y === 2023 ? [600, 1000] : noisy(i, y))));
    expect(found.map((d) => d.params.cell)).toEqual(['靖江市 2023年', '靖江市 2024年']);
  });

  it('a rate given without numerator and denominator keeps the median-change rule', () => {
    const body = ['指标,地区,年份,数值'];
    ['海陵区', '高港区', '姜堰区', '兴化市', '靖江市', '泰兴市'].forEach((d, i) => {
      for (let y = 2020; y <= 2025; y++) body.push(`婴儿死亡率,${d},${y},${i === 1 && y === 2023 ? 9 : (2 + ((i + y) % 3) * 0.1).toFixed(2)}`);
    });
    expect(outliers(`${body.join('\n')}\n`).map((d) => d.code)).toEqual(['quality/outlier', 'quality/outlier']);
  });
});
