import { describe, it, expect } from 'vitest';
import type { Indicator, Target } from '../../src/plan/model.js';
import { NORTH, SOUTH, obs, verdictOf } from './helpers.js';

// 市(区) 成立儿童议事会
const yes: Target = { kind: 'yes-no' };
const flag: Partial<Indicator> = { unit: '', measure: 'boolean', scale: undefined };

describe('yes / no', () => {
  it('true → met', () => {
    const r = verdictOf(yes, [obs({ value: true })], { indicator: flag });
    expect(r.status).toBe('met');
    expect(r.value).toBe(true);
    expect(r.gap).toBeNull();
  });

  it('false → not-met', () => {
    const r = verdictOf(yes, [obs({ value: false })], { indicator: flag });
    expect(r.status).toBe('not-met');
    expect(r.value).toBe(false);
  });

  it('expected: false inverts it', () => {
    const no: Target = { kind: 'yes-no', expected: false };
    expect(verdictOf(no, [obs({ value: false })], { indicator: flag }).status).toBe('met');
    expect(verdictOf(no, [obs({ value: true })], { indicator: flag }).status).toBe('not-met');
  });

  it('no data → no-data', () => {
    expect(verdictOf(yes, [], { indicator: flag }).status).toBe('no-data');
    expect(verdictOf(yes, [obs({ value: null })], { indicator: flag }).status).toBe('no-data');
  });

  it('an invalid cell → invalid', () => {
    expect(verdictOf(yes, [obs({ value: true, invalid: 'conflict' })], { indicator: flag }).status).toBe('invalid');
  });

  it('a number where yes/no is expected → invalid', () => {
    expect(verdictOf(yes, [obs({ value: 1 })], { indicator: flag }).status).toBe('invalid');
  });

  it('a yes in each district, as an every-unit target: one no names the district', () => {
    const every: Target = { kind: 'every-unit', level: 'district', target: yes };
    const r = verdictOf(every, [obs({ regionCode: NORTH, value: true }), obs({ regionCode: SOUTH, value: false })], { indicator: flag });
    expect(r.status).toBe('not-met');
    expect(r.failingUnits?.map((u) => [u.code, u.value])).toEqual([[SOUTH, false]]);
  });

  it('booleans are not derived: districts saying yes do not make the city say yes', () => {
    const r = verdictOf(yes, [obs({ regionCode: NORTH, value: true }), obs({ regionCode: SOUTH, value: true })], { indicator: flag });
    expect(r.status).toBe('no-data');
  });
});
