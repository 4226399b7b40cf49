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

  it('a rise in any year fails, even if the end is below the baseline', () => {
    const r = verdictOf(falling, series({ 2020: 10, 2021: 8, 2022: 8.1, 2023: 7 }), { indicator: lower, year: 2023 });
    expect(r.status).toBe('not-met');
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

  it("the data's 2020 row beats the plan's stated baseline", () => {
    const stated: Partial<Indicator> = { ...lower, baseline: { year: 2020, value: 10, source: 's' } };
    const r = verdictOf(falling, series({ 2020: 8, 2023: 9 }), { indicator: stated, year: 2023 });
    expect(r.status).toBe('not-met');
    expect(r.series?.[0]).toEqual({ year: 2020, value: 8 });
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

  it('a rise in any year fails, even a small one', () => {
    expect(verdictOf(notRising, series({ 2020: 10, 2021: 10.01, 2022: 9, 2023: 9 }), { indicator: lower, year: 2023 }).status).toBe('not-met');
    expect(verdictOf(notRising, series({ 2020: 10, 2021: 9, 2023: 9.1 }), { indicator: lower, year: 2023 }).status).toBe('not-met');
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
