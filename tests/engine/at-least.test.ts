import { describe, it, expect } from 'vitest';
import type { Target } from '../../src/plan/model.js';
import { CITY, NORTH, obs, verdictOf } from './helpers.js';

const atLeast98: Target = { kind: 'at-least', value: 98 };

describe('at-least (≥ / 以上 / 不低于)', () => {
  it('is met exactly on the bound, with gap 0', () => {
    const r = verdictOf(atLeast98, [obs({ value: 98 })]);
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
    expect(r.threshold).toBe(98);
    expect(r.value).toBe(98);
  });

  it.each([
    [98.1, -0.1],
    [98.01, -0.01],
  ])('is met one step inside (%s), gap = −margin %s', (value, gap) => {
    const r = verdictOf(atLeast98, [obs({ value })]);
    expect(r.status).toBe('met');
    expect(r.gap).toBe(gap);
  });

  it.each([
    [97.9, 0.1],
    [97.99, 0.01],
  ])('is not met one step outside (%s), gap = shortfall %s', (value, gap) => {
    const r = verdictOf(atLeast98, [obs({ value })]);
    expect(r.status).toBe('not-met');
    expect(r.gap).toBe(gap);
  });

  it('reports a large shortfall in the indicator unit', () => {
    expect(verdictOf(atLeast98, [obs({ value: 90.5 })]).gap).toBe(7.5);
  });

  it('4900/5000 × 100 meets ≥ 98', () => {
    const r = verdictOf(atLeast98, [obs({ value: (4900 / 5000) * 100, numerator: 4900, denominator: 5000 })]);
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
  });

  it('floating-point error never flips a verdict: 57/100 × 100 (= 56.99999999999999) meets ≥ 57', () => {
    const value = (57 / 100) * 100;
    expect(value).toBeLessThan(57); // the representation error this test is about
    const r = verdictOf({ kind: 'at-least', value: 57 }, [obs({ value })]);
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
  });

  it('0.7 + 0.1 (= 0.7999999999999999) meets ≥ 0.8', () => {
    const r = verdictOf({ kind: 'at-least', value: 0.8 }, [obs({ value: 0.7 + 0.1 })], { indicator: { unit: '人', measure: 'value', scale: undefined } });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
  });

  it('a value off by more than representation error is still not met', () => {
    const r = verdictOf(atLeast98, [obs({ value: 97.9999 })]);
    expect(r.status).toBe('not-met');
    expect(r.gap).toBeCloseTo(0.0001, 10);
  });

  it('no cell → no-data, with no value and no gap', () => {
    // NORTH alone cannot give the city (SOUTH is missing), so the city has nothing
    const r = verdictOf(atLeast98, [obs({ value: 99, regionCode: NORTH, numerator: 99, denominator: 100 })], { region: CITY });
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(r.gap).toBeNull();
  });

  it('a cell reported missing (value null) → no-data', () => {
    const r = verdictOf(atLeast98, [obs({ value: null })]);
    expect(r.status).toBe('no-data');
    expect(r.gap).toBeNull();
  });

  it('a value of another year does not count', () => {
    const r = verdictOf(atLeast98, [obs({ value: 99, year: 2022 })], { year: 2023 });
    expect(r.status).toBe('no-data');
  });

  it('an invalid cell → invalid, even when its value would meet the target', () => {
    const r = verdictOf(atLeast98, [obs({ value: 99, invalid: 'conflict' })]);
    expect(r.status).toBe('invalid');
    expect(r.gap).toBeNull();
  });

  it('carries the notes of the row and the plan text', () => {
    const r = verdictOf(atLeast98, [obs({ value: 99, notes: ['provisional'] })], { indicator: { text: '≥98%' } });
    expect(r.notes).toEqual(['provisional']);
    expect(r.target).toMatchObject({ kind: 'at-least', text: '≥98%' });
  });
});

describe('at-least: the gap is exactly 0 for a value equal to the bound up to representation error', () => {
  // The engine judges these values equal to the bound (numbers.ts forgives 1e-9 relative);
  // the gap it reports must then be 0, not binary noise such as -5.55e-17.
  it('0.1 + 0.2 (= 0.30000000000000004) against ≥ 0.3 → met, gap 0', () => {
    const r = verdictOf({ kind: 'at-least', value: 0.3 }, [obs({ value: 0.1 + 0.2 })], { indicator: { unit: '人', measure: 'value', scale: undefined } });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
  });
});
