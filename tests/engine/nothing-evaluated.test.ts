// Whether a run evaluated anything, and why not (src/engine/nothing-evaluated.ts).
import { describe, expect, it } from 'vitest';
import { CellStore } from '../../src/model/cells.js';
import { nothingEvaluated, whyReturnsEmpty } from '../../src/engine/nothing-evaluated.js';
import { RegionIndex } from '../../src/plan/lookup.js';
import type { EvaluateOptions } from '../../src/engine/evaluate.js';
import { ALL_REGIONS, NORTH, NORTH_A, SOUTH, indicator, makePlan, obs, run } from './helpers.js';

const plan = makePlan([indicator({ target: { kind: 'at-least', value: 95 } }), indicator({ id: 'other', target: { kind: 'at-least', value: 1 } })]);
const regions = new RegionIndex(ALL_REGIONS);
function why(observations: ReturnType<typeof obs>[], options: EvaluateOptions = {}, inputErrors = false) {
  const e = run(plan, observations, options);
  return nothingEvaluated(plan, regions, new CellStore(observations), e, options, inputErrors)?.code;
}

describe('nothing evaluated', () => {
  it('no cell: no rows, or every row dropped for its errors', () => {
    expect(why([])).toBe('run/no-rows');
    expect(why([], {}, true)).toBe('run/rows-dropped');
    expect(whyReturnsEmpty(new CellStore(), false)?.code).toBe('run/no-rows');
  });

  it('every value reported missing', () => {
    expect(why([obs({ regionCode: NORTH, value: null })])).toBe('run/no-values');
  });

  it('a year the data lacks names the years it has', () => {
    const e = run(plan, [obs({ regionCode: NORTH, value: 99, year: 2023 }), obs({ regionCode: NORTH, value: 99, year: 2024 })], { year: 1999 });
    const d = nothingEvaluated(plan, regions, new CellStore([obs({ regionCode: NORTH, value: 99, year: 2023 }), obs({ regionCode: NORTH, value: 99, year: 2024 })]), e, { year: 1999 }, false);
    expect(d).toMatchObject({ severity: 'error', code: 'run/year-absent', params: { year: 1999, years: '2023–2024', yearsEn: '2023–2024', latest: 2024 } });
  });

  it('indicators, regions, and the two together', () => {
    const cells = [obs({ regionCode: NORTH, value: 99 }), obs({ indicatorId: 'other', regionCode: SOUTH, value: 2, year: 2022 })];
    expect(why(cells, { year: 2023, indicators: ['other'] })).toBe('run/indicators-not-in-year');
    expect(why([obs({ regionCode: NORTH, value: 99 })], { year: 2023, indicators: ['other'] })).toBe('run/indicators-absent');
    expect(why(cells, { year: 2023, regions: [SOUTH] })).toBe('run/regions-absent');
    expect(why([...cells, obs({ indicatorId: 'other', regionCode: SOUTH, value: 2 })], { year: 2023, regions: [SOUTH], indicators: ['ind'] })).toBe('run/nothing-in-scope');
  });

  it('something evaluated: a verdict, or a value below a region asked', () => {
    expect(why([obs({ regionCode: NORTH, value: 99 })])).toBeUndefined();
    expect(why([obs({ regionCode: NORTH_A, value: 99 })], { year: 2023, regions: [NORTH] })).toBeUndefined();
    // A value of the indicator asked, in the year and region asked, even when no kind can judge it.
    const trend = makePlan([indicator({ target: { kind: 'trend', direction: 'falling' } })]);
    const cells = [obs({ regionCode: NORTH, value: 5 })];
    const e = run(trend, cells, { year: 2023 });
    expect(nothingEvaluated(trend, regions, new CellStore(cells), { years: e.years, results: e.results.map((r) => ({ ...r, value: null, status: 'no-data' as const })) }, { year: 2023 }, false)).toBeUndefined();
  });
});
