// A return naming only the units below the plan's regions evaluates as one that also had
// the district and city rows: the regions it implies are reported, derived Σ/Σ where the
// rows allow it, and every-unit targets are judged over the units given.
import { describe, expect, it } from 'vitest';
import type { Target } from '../../src/plan/model.js';
import { CITY, NORTH, NORTH_A, NORTH_B, SOUTH, SOUTH_A, SOUTH_B, indicator, makePlan, obs, run } from './helpers.js';

const everyTownship: Target = { kind: 'every-unit', level: 'township', target: { kind: 'at-least', value: 95 } };
const plan = makePlan([indicator({ target: everyTownship })]);
const ratio = (regionCode: string, numerator: number, denominator: number) =>
  obs({ regionCode, numerator, denominator, value: (numerator / denominator) * 100 });
const value = (regionCode: string, v: number) => obs({ regionCode, value: v });
const regionsOf = (e: ReturnType<typeof run>) => e.results.map((r) => r.region.code);

describe('regions implied by units', () => {
  it('townships with numerator/denominator: districts and city derived Σ/Σ, the failing township named', () => {
    const e = run(plan, [ratio(NORTH_A, 99, 100), ratio(NORTH_B, 196, 200), ratio(SOUTH_A, 94, 100), ratio(SOUTH_B, 97, 100)]);
    expect(regionsOf(e)).toEqual([CITY, NORTH, SOUTH]);
    const byRegion = new Map(e.results.map((r) => [r.region.code, r]));
    expect(byRegion.get(NORTH)!.status).toBe('met');
    expect(byRegion.get(NORTH)!.value).toBeCloseTo((295 / 300) * 100, 10);
    expect(byRegion.get(NORTH)!.derived).toBe(true);
    expect(byRegion.get(SOUTH)!.status).toBe('not-met');
    expect(byRegion.get(SOUTH)!.failingUnits!.map((u) => u.code)).toEqual([SOUTH_A]);
    const city = byRegion.get(CITY)!;
    expect(city.status).toBe('not-met');
    expect(city.value).toBeCloseTo((486 / 500) * 100, 10);
    expect(city.unitCount).toBe(4);
    expect(city.failingUnits!.map((u) => u.name)).toEqual(['Cedar Township']);
  });

  it('townships with values only (nothing to sum): the districts and the city are still judged over their units', () => {
    const e = run(plan, [value(NORTH_A, 99), value(NORTH_B, 98), value(SOUTH_A, 95), value(SOUTH_B, 94.9)]);
    expect(regionsOf(e)).toEqual([CITY, NORTH, SOUTH]);
    const byRegion = new Map(e.results.map((r) => [r.region.code, r]));
    expect(byRegion.get(NORTH)!.status).toBe('met');
    expect(byRegion.get(NORTH)!.value).toBeNull();
    expect(byRegion.get(SOUTH)!.status).toBe('not-met');
    expect(byRegion.get(CITY)!.failingUnits!.map((u) => u.code)).toEqual([SOUTH_B]);
  });

  // Corrected (issue 20 item 6): the city is implied as a region, but its every-unit target is
  // reported once some of its units have data: 无数据, naming South's townships.
  it('the townships of one district imply that district, and the city’s every-unit row names the units missing', () => {
    const e = run(plan, [value(NORTH_A, 99), value(NORTH_B, 98)]);
    expect(regionsOf(e)).toEqual([CITY, NORTH]);
    expect(e.results[0]!.status).toBe('no-data');
    expect(e.results[0]!.missingUnits!.map((u) => u.code).sort()).toEqual([SOUTH_A, SOUTH_B]);
    expect(e.results[1]!.status).toBe('met');
  });

  it('one township of each district implies both districts and the city (its missing units are named)', () => {
    const e = run(plan, [value(NORTH_A, 99), value(SOUTH_B, 99)]);
    expect(regionsOf(e)).toEqual([CITY, NORTH, SOUTH]);
    const city = e.results.find((r) => r.region.code === CITY)!;
    expect(city.status).toBe('no-data');
    expect(city.missingUnits!.map((u) => u.code).sort()).toEqual([NORTH_B, SOUTH_A]);
  });

  it('the same as a return that also had the district and city rows', () => {
    const townships = [ratio(NORTH_A, 99, 100), ratio(NORTH_B, 196, 200), ratio(SOUTH_A, 94, 100), ratio(SOUTH_B, 97, 100)];
    const withParents = [...townships, ratio(NORTH, 295, 300), ratio(SOUTH, 191, 200), ratio(CITY, 486, 500)];
    const strip = (e: ReturnType<typeof run>) => e.results.map((r) => ({ region: r.region.code, status: r.status, value: r.value, failing: r.failingUnits?.map((u) => u.code) }));
    const implied = strip(run(plan, townships));
    const given = strip(run(plan, withParents));
    expect(implied.map((r) => ({ ...r, value: Number((r.value as number).toFixed(10)) }))).toEqual(given.map((r) => ({ ...r, value: Number((r.value as number).toFixed(10)) })));
  });

  it('counts: a district is Σ of its townships, and the city Σ of its districts', () => {
    const countPlan = makePlan([indicator({ measure: 'count', unit: '个', scale: undefined, target: { kind: 'at-least', value: 3 } })]);
    const e = run(countPlan, [value(NORTH_A, 1), value(NORTH_B, 2), value(SOUTH_A, 0), value(SOUTH_B, 2)]);
    const byRegion = new Map(e.results.map((r) => [r.region.code, r]));
    expect([...byRegion.keys()]).toEqual([CITY, NORTH, SOUTH]);
    expect(byRegion.get(NORTH)!).toMatchObject({ value: 3, status: 'met', derived: true });
    expect(byRegion.get(SOUTH)!).toMatchObject({ value: 2, status: 'not-met', derived: true });
    expect(byRegion.get(CITY)!).toMatchObject({ value: 5, status: 'met', derived: true });
  });

  it('a return of the districts alone still implies nothing about townships, and a city with one district of two is not implied', () => {
    const e = run(plan, [value(NORTH, 99)]);
    expect(regionsOf(e)).toEqual([NORTH]);
  });
});
