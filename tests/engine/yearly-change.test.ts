import { describe, it, expect } from 'vitest';
import type { Indicator, Target } from '../../src/plan/model.js';
import { NORTH, obs, verdictOf } from './helpers.js';

// 近视率 平均每年降低1个百分点以上
const minus1pp: Target = { kind: 'yearly-change', perYear: -1 };
const myopia: Partial<Indicator> = { unit: '%', scale: 100, direction: 'lower' };
const base = (value: number, extra = {}) => obs({ year: 2020, value, ...extra });
const y2023 = (value: number, extra = {}) => obs({ year: 2023, value, ...extra });

describe('yearly change: −1 percentage point a year', () => {
  it('2020 10.0 → 2023 7.0 is met exactly, gap 0, pace −1', () => {
    const r = verdictOf(minus1pp, [base(10), y2023(7)], { indicator: myopia, year: 2023 });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
    expect(r.threshold).toBe(7);
    expect(r.change).toBe(-1);
    expect(r.baseline).toEqual({ year: 2020, value: 10, from: 'data' });
  });

  it.each([
    [6.9, -0.1],
    [6.99, -0.01],
  ])('2023 %s is met, gap %s', (value, gap) => {
    const r = verdictOf(minus1pp, [base(10), y2023(value)], { indicator: myopia, year: 2023 });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(gap);
  });

  it.each([
    [7.1, 0.1],
    [7.01, 0.01],
  ])('2023 %s is not met, gap %s', (value, gap) => {
    const r = verdictOf(minus1pp, [base(10), y2023(value)], { indicator: myopia, year: 2023 });
    expect(r.status).toBe('not-met');
    expect(r.gap).toBe(gap);
  });

  it('the pace is per year since the baseline: 10 → 8 in 2022 is met, in 2023 is not', () => {
    expect(verdictOf(minus1pp, [base(10), obs({ year: 2022, value: 8 })], { indicator: myopia, year: 2022 }).status).toBe('met');
    expect(verdictOf(minus1pp, [base(10), y2023(8)], { indicator: myopia, year: 2023 }).status).toBe('not-met');
  });

  it("without a 2020 row the plan's stated baseline is used (top region)", () => {
    const stated: Partial<Indicator> = { ...myopia, baseline: { year: 2020, value: 10, source: 's' } };
    const r = verdictOf(minus1pp, [y2023(7)], { indicator: stated, year: 2023 });
    expect(r.status).toBe('met');
    expect(r.baseline).toEqual({ year: 2020, value: 10, from: 'plan' });
    const d = verdictOf(minus1pp, [y2023(7, { regionCode: NORTH })], { indicator: stated, year: 2023, region: NORTH });
    expect(d.status).toBe('no-data');
  });

  it('no baseline → no-data', () => {
    expect(verdictOf(minus1pp, [y2023(7)], { indicator: myopia, year: 2023 }).status).toBe('no-data');
  });

  it('evaluated in the baseline year → no-data', () => {
    const r = verdictOf(minus1pp, [base(10)], { indicator: myopia, year: 2020 });
    expect(r.status).toBe('no-data');
    expect(r.reason?.code).toBe('reason/at-baseline');
  });

  it('no current value → no-data', () => {
    const r = verdictOf(minus1pp, [base(10)], { indicator: myopia, year: 2023 });
    expect(r.status).toBe('no-data');
    expect(r.gap).toBeNull();
  });

  it('an invalid current cell → invalid', () => {
    expect(verdictOf(minus1pp, [base(10), y2023(5, { invalid: 'conflict' })], { indicator: myopia, year: 2023 }).status).toBe('invalid');
  });

  it('a rising target (+2 a year): 50 → 56 in 2023 met, 55.9 not', () => {
    const up: Target = { kind: 'yearly-change', perYear: 2 };
    expect(verdictOf(up, [base(50), y2023(56)], { year: 2023 }).status).toBe('met');
    const r = verdictOf(up, [base(50), y2023(55.9)], { year: 2023 });
    expect(r.status).toBe('not-met');
    expect(r.gap).toBe(0.1);
  });
});
