import { describe, it, expect } from 'vitest';
import type { Indicator, Target } from '../../src/plan/model.js';
import { CITY, NORTH, obs, verdictOf } from './helpers.js';

// 伤害死亡率 下降20%
const down20: Target = { kind: 'change', relative: -0.2 };
const injury: Partial<Indicator> = { unit: '1/10万', scale: 100000, direction: 'lower' };
const withPlanBaseline: Partial<Indicator> = { ...injury, baseline: { year: 2020, value: 10, source: 'In 2020 the rate was 10.' } };

const base = (value: number, extra = {}) => obs({ year: 2020, value, ...extra });
const now = (value: number, extra = {}) => obs({ year: 2025, value, ...extra });

describe('change from baseline: 下降20%', () => {
  it('exactly −20 % is met, gap 0, change −0.2, line 8', () => {
    const r = verdictOf(down20, [base(10), now(8)], { indicator: injury, year: 2025 });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
    expect(r.threshold).toBe(8);
    expect(r.change).toBe(-0.2);
    expect(r.baseline).toEqual({ year: 2020, value: 10, from: 'data' });
  });

  it('−20.1 % is met with a margin', () => {
    const r = verdictOf(down20, [base(10), now(7.99)], { indicator: injury, year: 2025 });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(-0.01);
  });

  it('−19.9 % is not met; the gap is the shortfall in the indicator unit', () => {
    const r = verdictOf(down20, [base(10), now(8.01)], { indicator: injury, year: 2025 });
    expect(r.status).toBe('not-met');
    expect(r.gap).toBe(0.01);
    expect(r.change).toBe(-0.199);
  });

  it('−20 % of a baseline with binary noise (1.94 × 0.8 = 1.552) is met exactly on the line', () => {
    const r = verdictOf(down20, [base(1.94), now(1.552)], { indicator: injury, year: 2025 });
    expect(r.status).toBe('met');
    expect(r.change).toBe(-0.2);
    expect(r.threshold).toBe(1.552);
  });

  it('a rise is not met', () => {
    const r = verdictOf(down20, [base(10), now(11)], { indicator: injury, year: 2025 });
    expect(r.status).toBe('not-met');
    expect(r.gap).toBe(3);
  });

  it('an increase target (上升10%): 11 on 10 met, 10.9 not', () => {
    const up10: Target = { kind: 'change', relative: 0.1 };
    expect(verdictOf(up10, [base(10), now(11)], { year: 2025 }).status).toBe('met');
    const r = verdictOf(up10, [base(10), now(10.9)], { year: 2025 });
    expect(r.status).toBe('not-met');
    expect(r.gap).toBe(0.1);
  });

  // Corrected (issue 20 item 4): the plan's stated figure is the official baseline of the top
  // region; the return's 2020 row is used only with --baseline returns.
  it("the plan's stated baseline beats the data's 2020 row for the top region", () => {
    const r = verdictOf(down20, [base(12), now(9.6)], { indicator: withPlanBaseline, year: 2025 });
    expect(r.status).toBe('not-met');
    expect(r.baseline).toEqual({ year: 2020, value: 10, from: 'plan' });
    expect(r.threshold).toBe(8);
  });

  it("with baseline 'returns' the data's 2020 row is the baseline (a revised series)", () => {
    const r = verdictOf(down20, [base(12), now(9.6)], { indicator: withPlanBaseline, year: 2025, baseline: 'returns' });
    expect(r.status).toBe('met');
    expect(r.baseline).toEqual({ year: 2020, value: 12, from: 'data' });
    expect(r.threshold).toBe(9.6);
  });

  it("with baseline 'returns' and no 2020 row, the plan's figure is still the baseline", () => {
    expect(verdictOf(down20, [now(8)], { indicator: withPlanBaseline, year: 2025, baseline: 'returns' }).baseline).toEqual({ year: 2020, value: 10, from: 'plan' });
  });

  it("a bad 2020 row is not the baseline by default (the plan's is) but is invalid with baseline 'returns'", () => {
    const bad = obs({ year: 2020, value: null, invalid: 'conflict' });
    expect(verdictOf(down20, [bad, now(8)], { indicator: withPlanBaseline, year: 2025 }).status).toBe('met');
    expect(verdictOf(down20, [bad, now(8)], { indicator: withPlanBaseline, year: 2025, baseline: 'returns' }).status).toBe('invalid');
  });

  it("without a 2020 row, the plan's stated baseline is used for the top region", () => {
    const ok = verdictOf(down20, [now(8)], { indicator: withPlanBaseline, year: 2025 });
    expect(ok.status).toBe('met');
    expect(ok.baseline).toEqual({ year: 2020, value: 10, from: 'plan' });
    const bad = verdictOf(down20, [now(8.1)], { indicator: withPlanBaseline, year: 2025 });
    expect(bad.status).toBe('not-met');
    expect(bad.gap).toBe(0.1);
  });

  it("the plan's baseline is the top region's: a district without a 2020 row has no baseline → no-data", () => {
    const r = verdictOf(down20, [now(5, { regionCode: NORTH })], { indicator: withPlanBaseline, year: 2025, region: NORTH });
    expect(r.status).toBe('no-data');
    expect(r.baseline).toBeUndefined();
  });

  it('a district with its own 2020 row is judged against it', () => {
    const r = verdictOf(down20, [base(20, { regionCode: NORTH }), now(16, { regionCode: NORTH })], { indicator: withPlanBaseline, year: 2025, region: NORTH });
    expect(r.status).toBe('met');
    expect(r.baseline).toMatchObject({ value: 20, from: 'data' });
  });

  it('no baseline at all → no-data', () => {
    const r = verdictOf(down20, [now(1)], { indicator: injury, year: 2025 });
    expect(r.status).toBe('no-data');
    expect(r.reason?.code).toBe('reason/no-baseline');
    expect(r.gap).toBeNull();
  });

  it('evaluated in the baseline year → no-data', () => {
    const r = verdictOf(down20, [base(10)], { indicator: injury, year: 2020 });
    expect(r.status).toBe('no-data');
    expect(r.reason?.code).toBe('reason/at-baseline');
    expect(r.gap).toBeNull();
  });

  it('evaluated in the baseline year with a plan baseline → still no-data', () => {
    const r = verdictOf(down20, [base(5)], { indicator: withPlanBaseline, year: 2020 });
    expect(r.status).toBe('no-data');
    expect(r.reason?.code).toBe('reason/at-baseline');
  });

  it('no current value → no-data', () => {
    const r = verdictOf(down20, [base(10)], { indicator: injury, year: 2025, region: CITY });
    expect(r.status).toBe('no-data');
  });

  it('an invalid current cell → invalid', () => {
    const r = verdictOf(down20, [base(10), now(7, { invalid: 'conflict' })], { indicator: injury, year: 2025 });
    expect(r.status).toBe('invalid');
  });
});
