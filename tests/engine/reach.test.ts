import { describe, it, expect } from 'vitest';
import type { Indicator, Target } from '../../src/plan/model.js';
import { obs, verdictOf } from './helpers.js';

// A bare target (心理教师配备率 100; 四星级高中比例 75) is read in the good direction.
const reach75: Target = { kind: 'reach', value: 75 };
const higher: Partial<Indicator> = { direction: 'higher' };
const lower: Partial<Indicator> = { direction: 'lower' };

describe('reach, higher is better: ≥', () => {
  it('exactly on the target is met, gap 0', () => {
    const r = verdictOf(reach75, [obs({ value: 75 })], { indicator: higher });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
    expect(r.threshold).toBe(75);
  });

  it.each([
    [75.1, -0.1],
    [75.01, -0.01],
    [100, -25],
  ])('above the target (%s) is met, gap %s', (value, gap) => {
    const r = verdictOf(reach75, [obs({ value })], { indicator: higher });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(gap);
  });

  it.each([
    [74.9, 0.1],
    [74.99, 0.01],
  ])('below the target (%s) is not met, gap %s', (value, gap) => {
    const r = verdictOf(reach75, [obs({ value })], { indicator: higher });
    expect(r.status).toBe('not-met');
    expect(r.gap).toBe(gap);
  });

  it('100 % reached as 50/50 × 100', () => {
    const r = verdictOf({ kind: 'reach', value: 100 }, [obs({ value: (50 / 50) * 100, numerator: 50, denominator: 50 })], { indicator: higher });
    expect(r.status).toBe('met');
  });
});

describe('reach, lower is better: ≤', () => {
  it('exactly on the target is met, gap 0', () => {
    const r = verdictOf(reach75, [obs({ value: 75 })], { indicator: lower });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
  });

  it.each([
    [74.9, -0.1],
    [74.99, -0.01],
  ])('below the target (%s) is met, gap %s', (value, gap) => {
    const r = verdictOf(reach75, [obs({ value })], { indicator: lower });
    expect(r.status).toBe('met');
    expect(r.gap).toBe(gap);
  });

  it.each([
    [75.1, 0.1],
    [75.01, 0.01],
  ])('above the target (%s) is not met, gap %s', (value, gap) => {
    const r = verdictOf(reach75, [obs({ value })], { indicator: lower });
    expect(r.status).toBe('not-met');
    expect(r.gap).toBe(gap);
  });
});

describe('reach: no data and invalid', () => {
  it('no data → no-data', () => {
    const r = verdictOf(reach75, [], { indicator: higher });
    expect(r.status).toBe('no-data');
    expect(r.gap).toBeNull();
  });

  it('an invalid cell → invalid', () => {
    const r = verdictOf(reach75, [obs({ value: 80, invalid: 'conflict' })], { indicator: higher });
    expect(r.status).toBe('invalid');
  });
});
