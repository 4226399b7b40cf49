import { describe, it, expect } from 'vitest';
import type { Indicator, Target } from '../../src/plan/model.js';
import { obs, verdictOf } from './helpers.js';

const permille: Partial<Indicator> = { unit: '‰', scale: 1000, direction: 'lower' };
const atMost3: Target = { kind: 'at-most', value: 3 };
const atMost5pct: Target = { kind: 'at-most', value: 5 };
const pct: Partial<Indicator> = { unit: '%', scale: 100, direction: 'lower' };

describe('at-most (≤ / 以下 / 不超过)', () => {
  it('is met exactly on the bound, with gap 0', () => {
    const r = verdictOf(atMost3, [obs({ value: 3 })], { indicator: permille });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
    expect(r.threshold).toBe(3);
  });

  it.each([
    [4.9, -0.1],
    [4.99, -0.01],
  ])('is met one step inside (%s), gap = −margin %s', (value, gap) => {
    const r = verdictOf(atMost5pct, [obs({ value })], { indicator: pct });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(gap);
  });

  it.each([
    [5.1, 0.1],
    [5.01, 0.01],
  ])('is not met one step outside (%s), gap = excess %s', (value, gap) => {
    const r = verdictOf(atMost5pct, [obs({ value })], { indicator: pct });
    expect(r.status).toBe('not-met');
    expect(r.gap).toBe(gap);
  });

  it('‰: 3.1 against ≤ 3 is short by 0.1', () => {
    const r = verdictOf(atMost3, [obs({ value: 3.1 })], { indicator: permille });
    expect(r.status).toBe('not-met');
    expect(r.gap).toBe(0.1);
  });

  it('floating-point error never flips a verdict: 7/100 × 100 (= 7.000000000000001) meets ≤ 7', () => {
    const value = (7 / 100) * 100;
    expect(value).toBeGreaterThan(7);
    const r = verdictOf({ kind: 'at-most', value: 7 }, [obs({ value })], { indicator: pct });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
  });

  it('0.1 + 0.2 (= 0.30000000000000004) meets ≤ 0.3', () => {
    const r = verdictOf({ kind: 'at-most', value: 0.3 }, [obs({ value: 0.1 + 0.2 })], { indicator: { ...permille, unit: '人', measure: 'value', scale: undefined } });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
  });

  it('no data → no-data', () => {
    const r = verdictOf(atMost3, [], { indicator: permille });
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(r.gap).toBeNull();
  });

  it('an invalid cell → invalid', () => {
    const r = verdictOf(atMost3, [obs({ value: 2, invalid: 'numerator-mismatch' })], { indicator: permille });
    expect(r.status).toBe('invalid');
  });

  it('a number where a yes/no is given is invalid, not a crash', () => {
    const r = verdictOf(atMost3, [obs({ value: true })], { indicator: permille });
    expect(r.status).toBe('invalid');
  });
});

describe('at-most: the gap is exactly 0 for a value equal to the bound up to representation error', () => {
  // See at-least.test.ts: the engine calls these equal, so the gap must be 0, not −1.1e-16.
  it('0.7 + 0.1 (= 0.7999999999999999) against ≤ 0.8 → met, gap 0', () => {
    const r = verdictOf({ kind: 'at-most', value: 0.8 }, [obs({ value: 0.7 + 0.1 })], { indicator: { unit: '人', measure: 'value', scale: undefined, direction: 'lower' } });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
  });

  it('57/100 × 100 (= 56.99999999999999) against ≤ 57 % → met, gap 0', () => {
    const r = verdictOf({ kind: 'at-most', value: 57 }, [obs({ value: (57 / 100) * 100 })], { indicator: { direction: 'lower' } });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
  });
});
