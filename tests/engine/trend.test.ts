import { describe, it, expect } from 'vitest';
import type { Indicator, Target } from '../../src/plan/model.js';
import type { Observation } from '../../src/model/observation.js';
import { NORTH, obs, verdictOf } from './helpers.js';

const falling: Target = { kind: 'trend', direction: 'falling' };
const notRising: Target = { kind: 'trend', direction: 'not-rising' };
const lower: Partial<Indicator> = { direction: 'lower' };

function series(values: Record<number, number>, extra: Partial<Observation> = {}): Observation[] {
  return Object.entries(values).map(([year, value]) => obs({ year: Number(year), value, ...extra }));
}

describe('trend: falling (明显下降 / 降低)', () => {
  it('a steady fall from 2020 is met, and the points read are returned', () => {
    const r = verdictOf(falling, series({ 2020: 10, 2021: 9, 2022: 8.5, 2023: 8 }), { indicator: lower, year: 2023 });
    expect(r.status).toBe('met');
    expect(r.series).toEqual([
      { year: 2020, value: 10 },
      { year: 2021, value: 9 },
      { year: 2022, value: 8.5 },
      { year: 2023, value: 8 },
    ]);
    expect(r.gap).toBeNull();
  });

  it('two points are enough: 10 → 9.9', () => {
    expect(verdictOf(falling, series({ 2020: 10, 2023: 9.9 }), { indicator: lower, year: 2023 }).status).toBe('met');
  });

  it('one point is not enough → no-data', () => {
    const r = verdictOf(falling, series({ 2023: 8 }), { indicator: lower, year: 2023 });
    expect(r.status).toBe('no-data');
    expect(r.reason?.code).toBe('reason/too-few-points');
  });

  // Corrected (issue 20 item 5): a trend is judged over the whole series, never step by step.
  it('one year\'s rise does not decide it: 10 → 8 → 8.1 → 7 is falling', () => {
    const r = verdictOf(falling, series({ 2020: 10, 2021: 8, 2022: 8.1, 2023: 7 }), { indicator: lower, year: 2023 });
    expect(r.status).toBe('met');
    expect(r.reason?.code).toBe('reason/trend-ok');
  });

  it('flat (equal points) fails falling: the last point must be below the baseline', () => {
    expect(verdictOf(falling, series({ 2020: 10, 2021: 10, 2023: 10 }), { indicator: lower, year: 2023 }).status).toBe('not-met');
  });

  it('points before the baseline year and after the evaluated year are ignored', () => {
    const r = verdictOf(falling, series({ 2018: 5, 2020: 10, 2022: 9, 2024: 20 }), { indicator: lower, year: 2022 });
    expect(r.status).toBe('met');
    expect(r.series?.map((p) => p.year)).toEqual([2020, 2022]);
  });

  it("the plan's stated baseline is the first point when the data lacks 2020", () => {
    const stated: Partial<Indicator> = { ...lower, baseline: { year: 2020, value: 10, source: 's' } };
    const r = verdictOf(falling, series({ 2023: 9 }), { indicator: stated, year: 2023 });
    expect(r.status).toBe('met');
    expect(r.series).toEqual([
      { year: 2020, value: 10 },
      { year: 2023, value: 9 },
    ]);
    // above the stated baseline: risen
    expect(verdictOf(falling, series({ 2023: 11 }), { indicator: stated, year: 2023 }).status).toBe('not-met');
    // equal to it: not below the baseline
    expect(verdictOf(falling, series({ 2023: 10 }), { indicator: stated, year: 2023 }).status).toBe('not-met');
  });

  // Corrected (issue 20 item 4): the plan's stated figure is the top region's official baseline.
  it("the plan's stated baseline replaces the data's 2020 row; baseline 'returns' keeps the row", () => {
    const stated: Partial<Indicator> = { ...lower, baseline: { year: 2020, value: 10, source: 's' } };
    const r = verdictOf(falling, series({ 2020: 8, 2023: 9 }), { indicator: stated, year: 2023 });
    expect(r.status).toBe('met');
    expect(r.series?.[0]).toEqual({ year: 2020, value: 10 });
    const revised = verdictOf(falling, series({ 2020: 8, 2023: 9 }), { indicator: stated, year: 2023, baseline: 'returns' });
    expect(revised.status).toBe('not-met');
    expect(revised.series?.[0]).toEqual({ year: 2020, value: 8 });
  });

  it("a district does not use the plan's (top-region) baseline", () => {
    const stated: Partial<Indicator> = { ...lower, baseline: { year: 2020, value: 10, source: 's' } };
    const r = verdictOf(falling, series({ 2023: 9 }, { regionCode: NORTH }), { indicator: stated, year: 2023, region: NORTH });
    expect(r.status).toBe('no-data');
  });

  it('no current value → no-data', () => {
    expect(verdictOf(falling, series({ 2020: 10, 2021: 9 }), { indicator: lower, year: 2023 }).status).toBe('no-data');
  });

  it('an invalid current cell → invalid', () => {
    const data = [...series({ 2020: 10, 2021: 9 }), obs({ year: 2023, value: 8, invalid: 'conflict' })];
    expect(verdictOf(falling, data, { indicator: lower, year: 2023 }).status).toBe('invalid');
  });

  it('an invalid cell in an earlier year → invalid', () => {
    const data = [...series({ 2020: 10, 2023: 8 }), obs({ year: 2021, value: 9, invalid: 'conflict' })];
    expect(verdictOf(falling, data, { indicator: lower, year: 2023 }).status).toBe('invalid');
  });

  it('floating-point noise is not a rise: 0.3 then 0.1 + 0.2', () => {
    const r = verdictOf(falling, [...series({ 2020: 0.5, 2021: 0.3 }), obs({ year: 2022, value: 0.1 + 0.2 })], { indicator: lower, year: 2022 });
    expect(r.status).toBe('met');
  });
});

describe('trend: not rising (上升趋势得到控制)', () => {
  it('flat passes', () => {
    expect(verdictOf(notRising, series({ 2020: 10, 2021: 10, 2023: 10 }), { indicator: lower, year: 2023 }).status).toBe('met');
  });

  it('a fall passes', () => {
    expect(verdictOf(notRising, series({ 2020: 10, 2023: 9 }), { indicator: lower, year: 2023 }).status).toBe('met');
  });

  // Corrected (issue 20 item 5): judged on the fitted slope, not year on year.
  it('one year\'s rise does not fail it: 15.6 → 15.4 → 15.7 → 15.3 (the issue\'s series)', () => {
    const r = verdictOf(notRising, series({ 2020: 15.6, 2021: 15.4, 2022: 15.7, 2023: 15.3 }), { indicator: lower, year: 2023 });
    expect(r.status).toBe('met');
    expect(r.trend?.movement).toBe('falling');
  });

  it('a rise overall fails, and says from which year it rose again', () => {
    const r = verdictOf(notRising, series({ 2020: 10, 2021: 9, 2022: 9.5, 2023: 10.5 }), { indicator: lower, year: 2023 });
    expect(r.status).toBe('not-met');
    expect(r.reason).toEqual({ code: 'reason/trend-rose-since', params: { from: 2020, to: 2023, since: 2022, amount: 0.2, unit: 'unit' } });
  });
  it('needs two points', () => {
    expect(verdictOf(notRising, series({ 2023: 10 }), { indicator: lower, year: 2023 }).status).toBe('no-data');
  });

  it("uses the plan's stated baseline as the first point", () => {
    const stated: Partial<Indicator> = { ...lower, baseline: { year: 2020, value: 10, source: 's' } };
    expect(verdictOf(notRising, series({ 2023: 10 }), { indicator: stated, year: 2023 }).status).toBe('met');
    expect(verdictOf(notRising, series({ 2023: 10.1 }), { indicator: stated, year: 2023 }).status).toBe('not-met');
  });
});

// The stated rules (src/engine/trend-fit.ts): on the bound, one step either side.
describe('trend rules: boundaries', () => {
  const markedly: Target = { kind: 'trend', direction: 'falling-markedly' };
  const at = (values: Record<number, number>, target: Target, extra: Partial<Observation> = {}) => verdictOf(target, series(values, extra), { indicator: lower, year: Math.max(...Object.keys(values).map(Number)) });

  it('no counts: a fitted change of 1 % of the baseline over the period is a movement, just under it is not', () => {
    expect(at({ 2020: 10, 2023: 9.9 }, falling).status).toBe('met');
    expect(at({ 2020: 10, 2023: 9.8999 }, falling).status).toBe('met');
    const flat = at({ 2020: 10, 2023: 9.9001 }, falling);
    expect(flat.status).toBe('not-met');
    expect(flat.reason?.code).toBe('reason/trend-flat');
    expect(at({ 2020: 10, 2023: 10.1 }, notRising).reason?.code).toBe('reason/trend-rose');
    expect(at({ 2020: 10, 2023: 10.1 }, notRising).status).toBe('not-met');
    expect(at({ 2020: 10, 2023: 10.0999 }, notRising).status).toBe('met');
  });

  it('10 → 10.01 is no rising trend (the issue\'s example)', () => {
    const r = at({ 2020: 10, 2023: 10.01 }, notRising);
    expect(r.status).toBe('met');
    expect(r.reason?.code).toBe('reason/trend-flat-ok');
  });

  it('明显下降: a fitted fall of 2 % of the baseline a year is marked, just under it is not', () => {
    expect(at({ 2020: 10, 2023: 9.4 }, markedly).status).toBe('met');
    expect(at({ 2020: 10, 2023: 9.3999 }, markedly).status).toBe('met');
    const slow = at({ 2020: 10, 2023: 9.4001 }, markedly);
    expect(slow.status).toBe('not-met');
    expect(slow.reason?.code).toBe('reason/trend-too-slow');
    // the same series meets plain 下降
    expect(at({ 2020: 10, 2023: 9.4001 }, falling).status).toBe('met');
  });

  it('明显下降 on 10.11 → 9.63 → 9.66 → 8.8 (−13 %) is met (the issue\'s series)', () => {
    const r = at({ 2020: 10.11, 2021: 9.63, 2022: 9.66, 2023: 8.8 }, markedly);
    expect(r.status).toBe('met');
    expect(r.trend).toEqual({ slope: -0.39, movement: 'falling', test: 'band' });
  });

  it('falling overall but back to the baseline is not met, and says since when it rose', () => {
    const r = at({ 2020: 10, 2021: 12, 2022: 6, 2023: 6, 2024: 10 }, falling);
    expect(r.trend?.movement).toBe('falling');
    expect(r.status).toBe('not-met');
    expect(r.reason).toEqual({ code: 'reason/trend-not-below-baseline-since', params: { from: 2020, to: 2024, since: 2024 } });
  });

  it('with counts for every point, a change within chance is neither a rise nor a fall', () => {
    const pct = { unit: '%', scale: 100, direction: 'lower' as const };
    const counted = (pairs: Record<number, [number, number]>) =>
      Object.entries(pairs).map(([year, [x, n]]) => obs({ year: Number(year), value: (x / n) * 100, numerator: x, denominator: n }));
    // 10 % → 10.01 % of 10,000: no rise
    const up = verdictOf(notRising, counted({ 2020: [1000, 10000], 2023: [1001, 10000] }), { indicator: pct, year: 2023 });
    expect(up.status).toBe('met');
    expect(up.trend).toMatchObject({ movement: 'flat', test: 'chance' });
    // 10 % → 9.5 %: within chance (z ≈ 1.2), no fall
    const small = verdictOf(falling, counted({ 2020: [1000, 10000], 2023: [950, 10000] }), { indicator: pct, year: 2023 });
    expect(small.status).toBe('not-met');
    expect(small.reason?.code).toBe('reason/trend-within-chance');
    // 10 % → 9 %: beyond chance (z ≈ 2.4)
    expect(verdictOf(falling, counted({ 2020: [1000, 10000], 2023: [900, 10000] }), { indicator: pct, year: 2023 }).status).toBe('met');
    // 10 % → 9.5 % without the counts: a 5 % fall, beyond the 1 % band
    expect(verdictOf(falling, series({ 2020: 10, 2023: 9.5 }), { indicator: pct, year: 2023 }).status).toBe('met');
  });
});
