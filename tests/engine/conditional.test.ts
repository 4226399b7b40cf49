import { describe, it, expect } from 'vitest';
import type { Indicator, Region, Target } from '../../src/plan/model.js';
import { CITY, NORTH, PLAN_REGIONS, SOUTH, TOWNSHIPS, indicator, makePlan, obs, resultFor } from './helpers.js';

// 30万人口以上的市(区)至少一所特殊教育学校 — population in 万人
const schools: Target = {
  kind: 'conditional',
  when: { indicator: 'pop', atLeast: 30 },
  level: 'district',
  target: { kind: 'at-least', value: 1 },
};
const population: Indicator = indicator({ id: 'pop', unit: '万人', measure: 'count', scale: undefined, target: undefined });
const plan = (regions: readonly Region[] = PLAN_REGIONS) =>
  makePlan([indicator({ id: 'sped', unit: '所', measure: 'count', scale: undefined, target: schools }), population], {
    populationIndicator: 'pop',
    regions: regions.filter((r) => r.level !== 'township'),
  });
const pop = (regionCode: string, value: number | null) => obs({ indicatorId: 'pop', regionCode, value });
const sped = (regionCode: string, value: number) => obs({ indicatorId: 'sped', regionCode, value });
const judge = (data: ReturnType<typeof obs>[], region = CITY, regions: readonly Region[] = [...PLAN_REGIONS, ...TOWNSHIPS]) =>
  resultFor(plan(regions), data, { indicator: 'sped', region }, regions);

function withPopulation(north?: number, south?: number): Region[] {
  return [
    ...PLAN_REGIONS.map((r) =>
      r.code === NORTH && north !== undefined ? { ...r, population: north } : r.code === SOUTH && south !== undefined ? { ...r, population: south } : r,
    ),
    ...TOWNSHIPS,
  ];
}

describe('conditional: the target applies only to units meeting the condition', () => {
  it('both districts above 30万 with a school each → met, two units', () => {
    const r = judge([pop(NORTH, 40), pop(SOUTH, 35), sped(NORTH, 1), sped(SOUTH, 1)]);
    expect(r.status).toBe('met');
    expect(r.unitCount).toBe(2);
  });

  it('a district above 30万 without a school → not met, named', () => {
    const r = judge([pop(NORTH, 40), pop(SOUTH, 35), sped(NORTH, 1), sped(SOUTH, 0)]);
    expect(r.status).toBe('not-met');
    expect(r.failingUnits?.map((u) => [u.code, u.value, u.gap])).toEqual([[SOUTH, 0, 1]]);
  });

  it('a district below 30万 is not applicable: its missing school does not count', () => {
    const r = judge([pop(NORTH, 40), pop(SOUTH, 29.9), sped(NORTH, 1), sped(SOUTH, 0)]);
    expect(r.status).toBe('met');
    expect(r.unitCount).toBe(1);
    expect(r.failingUnits).toEqual([]);
  });

  it('exactly 30万 meets the condition (以上 includes the number)', () => {
    const r = judge([pop(NORTH, 40), pop(SOUTH, 30), sped(NORTH, 1), sped(SOUTH, 0)]);
    expect(r.status).toBe('not-met');
    expect(r.failingUnits?.map((u) => u.code)).toEqual([SOUTH]);
  });

  it('a district below the threshold, judged on itself → not-applicable', () => {
    const r = judge([pop(SOUTH, 20), sped(SOUTH, 0)], SOUTH);
    expect(r.status).toBe('not-applicable');
  });

  it('a district above the threshold, judged on itself → its own verdict', () => {
    const r = judge([pop(SOUTH, 31), sped(SOUTH, 0)], SOUTH);
    expect(r.status).toBe('not-met');
    expect(r.value).toBe(0);
  });

  it('no district applies → not-applicable for the city', () => {
    const r = judge([pop(NORTH, 10), pop(SOUTH, 20), sped(NORTH, 0), sped(SOUTH, 0)]);
    expect(r.status).toBe('not-applicable');
  });

  it('without population in the data, Region.population (the regions file) is used', () => {
    const regions = withPopulation(40, 20);
    const r = judge([sped(NORTH, 1), sped(SOUTH, 0)], CITY, regions);
    expect(r.status).toBe('met');
    expect(r.unitCount).toBe(1);
    const r2 = judge([sped(NORTH, 0), sped(SOUTH, 0)], CITY, regions);
    expect(r2.status).toBe('not-met');
    expect(r2.failingUnits?.map((u) => u.code)).toEqual([NORTH]);
  });

  it('population in the data wins over Region.population', () => {
    const regions = withPopulation(40, 40);
    const r = judge([pop(NORTH, 40), pop(SOUTH, 25), sped(NORTH, 1), sped(SOUTH, 0)], CITY, regions);
    expect(r.status).toBe('met');
    expect(r.unitCount).toBe(1);
  });

  it('unknown population → the result is no-data, the reason names the population and the unit (not “no data” for it)', () => {
    const r = judge([pop(NORTH, 40), sped(NORTH, 1), sped(SOUTH, 0)]);
    expect(r.status).toBe('no-data');
    expect(r.missingUnits).toEqual([]);
    expect(r.reason).toMatchObject({ code: 'reason/condition-missing', params: { indicator: 'pop', count: 1 } });
    expect(r.failingUnits).toEqual([]);
  });

  it('a population reported missing (null) is unknown too', () => {
    const r = judge([pop(NORTH, 40), pop(SOUTH, null), sped(NORTH, 1), sped(SOUTH, 1)]);
    expect(r.status).toBe('no-data');
    expect(r.missingUnits).toEqual([]);
    expect(r.reason).toMatchObject({ code: 'reason/condition-missing', params: { indicator: 'pop', count: 1 } });
  });

  it('an applicable district without the indicator value is missing, not met', () => {
    const r = judge([pop(NORTH, 40), pop(SOUTH, 40), sped(NORTH, 1)]);
    expect(r.status).toBe('no-data');
    expect(r.missingUnits?.map((u) => u.code)).toEqual([SOUTH]);
  });

  it('an at-most condition (人口30万以下): 30 applies, 30.1 does not', () => {
    const small: Target = { ...schools, when: { indicator: 'pop', atMost: 30 } } as Target;
    const p = makePlan([indicator({ id: 'sped', unit: '所', measure: 'count', scale: undefined, target: small }), population], { populationIndicator: 'pop' });
    const regions = [...PLAN_REGIONS, ...TOWNSHIPS];
    const r = resultFor(p, [pop(NORTH, 30), pop(SOUTH, 30.1), sped(NORTH, 0), sped(SOUTH, 0)], { indicator: 'sped' }, regions);
    expect(r.status).toBe('not-met');
    expect(r.failingUnits?.map((u) => u.code)).toEqual([NORTH]);
    expect(r.unitCount).toBe(1);
  });
});
