import { describe, it, expect } from 'vitest';
import type { Target } from '../../src/plan/model.js';
import { NORTH, SOUTH, obs, verdictOf } from './helpers.js';

// 家长学校 城市社区100 农村社区90
const byResidence: Target = {
  kind: 'split',
  by: 'residence',
  parts: [
    { part: 'urban', text: '城市社区100', target: { kind: 'at-least', value: 100 } },
    { part: 'rural', text: '农村社区90', target: { kind: 'at-least', value: 90 } },
  ],
};

const urban = (value: number | null, extra = {}) => obs({ residence: 'urban', value, ...extra });
const rural = (value: number | null, extra = {}) => obs({ residence: 'rural', value, ...extra });

describe('split by disaggregation: each part against its own target', () => {
  it('both parts exactly on their own bounds → met; parts listed with status, value, threshold and gap 0', () => {
    const r = verdictOf(byResidence, [urban(100), rural(90)]);
    expect(r.status).toBe('met');
    expect(r.parts).toEqual([
      { part: 'urban', text: '城市社区100', status: 'met', value: 100, threshold: 100, gap: 0, derived: false },
      { part: 'rural', text: '农村社区90', status: 'met', value: 90, threshold: 90, gap: 0, derived: false },
    ]);
    expect(r.gap).toBe(0);
  });

  it('each part is judged against its own target, not the other one: rural 95 meets 90 but would fail 100', () => {
    const r = verdictOf(byResidence, [urban(100), rural(95)]);
    expect(r.status).toBe('met');
    expect(r.parts?.[1]).toMatchObject({ status: 'met', value: 95, gap: -5 });
  });

  it.each([
    [89.9, 0.1],
    [89.99, 0.01],
  ])('one part one step outside (rural %s) → the whole is not met; the part shows gap %s', (value, gap) => {
    const r = verdictOf(byResidence, [urban(100), rural(value)]);
    expect(r.status).toBe('not-met');
    expect(r.parts?.map((p) => p.status)).toEqual(['met', 'not-met']);
    expect(r.parts?.[1]?.gap).toBe(gap);
    expect(r.gap).toBe(gap);
  });

  it('urban 99.9 fails 100 even though it would meet the rural 90', () => {
    const r = verdictOf(byResidence, [urban(99.9), rural(95)]);
    expect(r.status).toBe('not-met');
    expect(r.parts?.[0]).toMatchObject({ part: 'urban', status: 'not-met', value: 99.9, gap: 0.1 });
  });

  it('the whole gap is the largest shortfall of the parts', () => {
    const r = verdictOf(byResidence, [urban(98), rural(89.5)]);
    expect(r.status).toBe('not-met');
    expect(r.gap).toBe(2);
  });

  it('a total that meets both numbers does not make up for a failing part', () => {
    const r = verdictOf(byResidence, [obs({ value: 100 }), urban(100), rural(80)]);
    expect(r.status).toBe('not-met');
    expect(r.value).toBe(100);
  });

  it('a part without data → no-data for that part and the whole (when no part fails)', () => {
    const r = verdictOf(byResidence, [urban(100)]);
    expect(r.status).toBe('no-data');
    expect(r.parts?.map((p) => p.status)).toEqual(['met', 'no-data']);
  });

  it('a failing part outweighs a part without data', () => {
    const r = verdictOf(byResidence, [urban(99)]);
    expect(r.status).toBe('not-met');
  });

  it('no data at all → no-data', () => {
    const r = verdictOf(byResidence, []);
    expect(r.status).toBe('no-data');
    expect(r.gap).toBeNull();
  });

  it('an invalid part → invalid', () => {
    const r = verdictOf(byResidence, [urban(100, { invalid: 'conflict' }), rural(95)]);
    expect(r.status).toBe('invalid');
    expect(r.parts?.[0]?.status).toBe('invalid');
  });

  it('split by sex reads the male and female cells', () => {
    const bySex: Target = {
      kind: 'split',
      by: 'sex',
      parts: [
        { part: 'male', text: '男≤5', target: { kind: 'at-most', value: 5 } },
        { part: 'female', text: '女≤4', target: { kind: 'at-most', value: 4 } },
      ],
    };
    const ok = verdictOf(bySex, [obs({ sex: 'male', value: 5 }), obs({ sex: 'female', value: 4 })], { indicator: { direction: 'lower' } });
    expect(ok.status).toBe('met');
    const bad = verdictOf(bySex, [obs({ sex: 'male', value: 4 }), obs({ sex: 'female', value: 4.1 })], { indicator: { direction: 'lower' } });
    expect(bad.status).toBe('not-met');
    expect(bad.parts?.map((p) => [p.part, p.status, p.gap])).toEqual([
      ['male', 'met', -1],
      ['female', 'not-met', 0.1],
    ]);
  });

  it('a part derived from the districts is marked derived', () => {
    const r = verdictOf(byResidence, [
      obs({ regionCode: NORTH, residence: 'urban', value: 100, numerator: 10, denominator: 10 }),
      obs({ regionCode: SOUTH, residence: 'urban', value: 100, numerator: 30, denominator: 30 }),
      rural(91),
    ]);
    expect(r.status).toBe('met');
    expect(r.parts?.[0]).toMatchObject({ value: 100, derived: true });
    expect(r.parts?.[1]).toMatchObject({ value: 91, derived: false });
    expect(r.derived).toBe(true);
  });
});
