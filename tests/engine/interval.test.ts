// The rates' 95 % intervals (src/engine/interval.ts) against published values, at their
// boundaries, and as the verdicts carry them.
import { describe, expect, it } from 'vitest';
import { betaI, gammaP, gammaQ, gammaQuantile, normalQuantile, normalUpperTail } from '../../src/engine/distributions.js';
import { chanceOf, clopperPearson, garwood, intervalMethod, rateInterval, wilson, type Interval } from '../../src/engine/interval.js';
import type { Indicator, Target } from '../../src/plan/model.js';
import { CITY, NORTH, NORTH_A, NORTH_B, SOUTH, SOUTH_A, SOUTH_B, obs, verdictOf } from './helpers.js';

describe('Garwood’s exact Poisson limits against the published table', () => {
  // Garwood (1936); the 95 % limits as tabulated e.g. by Ulm (1990), Am J Epidemiol 131:373–375.
  it.each([
    [0, 0, 3.689],
    [1, 0.0253, 5.572],
    [2, 0.2422, 7.225],
    [3, 0.6187, 8.767],
    [5, 1.623, 11.668],
    [10, 4.795, 18.39],
    [13, 6.922, 22.23],
    [20, 12.217, 30.888],
    [50, 37.111, 65.919],
    [100, 81.364, 121.627],
  ])('x = %d: %d – %d', (x, low, high) => {
    const got = garwood(x);
    expect(got.low).toBeCloseTo(low, low < 1 ? 4 : 3);
    expect(got.high).toBeCloseTo(high, 3);
  });

  it('x = 0 has the closed form −ln 0.025 as its upper limit and 0 as its lower', () => {
    expect(garwood(0)).toEqual({ low: 0, high: expect.closeTo(-Math.log(0.025), 12) });
  });

  it('stays accurate for a large count (the normal approximation is right there)', () => {
    const { low, high } = garwood(1_000_000);
    expect(low).toBeCloseTo(1_000_000 - 1.96 * 1000, -1);
    expect(high).toBeCloseTo(1_000_000 + 1.96 * 1000, -1);
  });
});

describe('Wilson’s score interval against Newcombe (1998), Table I', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1],
  ])('%d/%d: %d – %d', (x, n, low, high) => {
    const got = wilson(x, n);
    expect(got.low).toBeCloseTo(low, 4);
    expect(got.high).toBeCloseTo(high, 4);
  });

  it('keeps inside 0–1 and is exactly 0 at no events and 1 at every one, even for n = 1', () => {
    expect(wilson(0, 1)).toEqual({ low: 0, high: expect.closeTo(0.7935, 4) });
    expect(wilson(1, 1)).toEqual({ low: expect.closeTo(0.2065, 4), high: 1 });
    expect(wilson(5, 5).high).toBe(1);
    expect(wilson(0, 5).low).toBe(0);
  });
});

describe('the distribution functions behind them', () => {
  it('match closed forms', () => {
    // P(3, 2) = 1 − e^−2 (1 + 2 + 2); I_0.3(2, 5) = P(Bin(6, 0.3) ≥ 2).
    expect(gammaP(3, 2)).toBeCloseTo(1 - 5 * Math.exp(-2), 13);
    expect(gammaQ(3, 2) + gammaP(3, 2)).toBeCloseTo(1, 14);
    expect(betaI(0.3, 2, 5)).toBeCloseTo(1 - 0.7 ** 6 - 6 * 0.3 * 0.7 ** 5, 13);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 13);
    // A far tail keeps its digits: Φ(−6) = 9.8659e-10.
    expect(normalUpperTail(6) / 9.865876450377e-10).toBeCloseTo(1, 9);
    expect(gammaQuantile(0.5, 1)).toBeCloseTo(Math.LN2, 12);
  });
});

const infant: Pick<Indicator, 'measure' | 'unit' | 'scale' | 'nature'> = { measure: 'rate', unit: '‰', scale: 1000, nature: 'events' };
const coverage: Pick<Indicator, 'measure' | 'unit' | 'scale' | 'nature'> = { measure: 'rate', unit: '%', scale: 100, nature: 'survey' };

describe('rateInterval: which rates have one, on the indicator’s scale', () => {
  it('13 infant deaths in 3,000 births: 4.33‰, 95 % interval 2.31‰–7.41‰ (Garwood)', () => {
    expect(rateInterval(infant, 13, 3000)).toEqual({ low: expect.closeTo(2.3073, 4), high: expect.closeTo(7.4101, 4), method: 'garwood', level: 0.95 });
  });

  it('940 of 1,000 children: 94 %, Wilson on the percent scale', () => {
    const got = rateInterval(coverage, 940, 1000)!;
    expect(got.method).toBe('wilson');
    expect(got.low).toBeCloseTo(92.35, 2);
    expect(got.high).toBeCloseTo(95.31, 2);
  });

  it('per 100,000 and per 10,000 rates are rare-event rates too', () => {
    expect(intervalMethod({ measure: 'rate', unit: '1/10万', nature: 'events' })).toBe('garwood');
    expect(intervalMethod({ measure: 'rate', unit: '1/万', nature: 'events' })).toBe('garwood');
    expect(rateInterval({ measure: 'rate', unit: '1/10万', scale: 100000, nature: 'events' }, 0, 50000)).toEqual({ low: 0, high: expect.closeTo(7.378, 3), method: 'garwood', level: 0.95 });
  });

  it('no interval for resources per 1,000 (a census, not chance events), nor for a value or a count', () => {
    expect(rateInterval({ measure: 'rate', unit: '人', scale: 1000, nature: 'events' }, 87, 100000)).toBeUndefined();
    expect(rateInterval({ measure: 'value', unit: '%', nature: 'events' }, 1, 2)).toBeUndefined();
    expect(rateInterval({ measure: 'count', unit: '个', nature: 'events' }, 1, 2)).toBeUndefined();
  });

  it('no interval without a usable denominator, or with more events than the denominator for a proportion', () => {
    expect(rateInterval(coverage, undefined, 100)).toBeUndefined();
    expect(rateInterval(coverage, 5, 0)).toBeUndefined();
    expect(rateInterval(coverage, -1, 10)).toBeUndefined();
    // A gross enrolment rate above 100 % is no proportion.
    expect(rateInterval(coverage, 101, 100)).toBeUndefined();
    // On the boundary: numerator = denominator is 100 %, its interval ends at 100.
    expect(rateInterval(coverage, 100, 100)).toEqual({ low: expect.closeTo(96.3, 1), high: 100, method: 'wilson', level: 0.95 });
    // A rare-event rate may exceed its denominator's scale without harm.
    expect(rateInterval(infant, 3, 2)?.method).toBe('garwood');
  });

  it('a tiny denominator gives a wide but finite interval', () => {
    const one = rateInterval(coverage, 1, 1)!;
    expect(one.low).toBeCloseTo(20.65, 2);
    expect(one.high).toBe(100);
    // Corrected (issue 20 §3): Garwood's 5,572‰ for one death in one birth left the range;
    // deaths among births are a proportion, and the exact binomial interval ends at 1000‰.
    const death = rateInterval(infant, 1, 1)!;
    expect(death).toEqual({ low: expect.closeTo(25, 0), high: 1000, method: 'clopper-pearson', level: 0.95 });
  });
});

describe('a ‰ rate of events never leaves 0–1000‰: Garwood while events are rare, Clopper–Pearson once its upper limit passes the denominator', () => {
  it('1 death in 3 births: 333.33‰, 95 % interval 8.4‰–905.7‰ (was 1,857‰): Beta(2, 2) solves 3x² − 2x³ = 0.975', () => {
    const got = rateInterval(infant, 1, 3)!;
    expect(got.method).toBe('clopper-pearson');
    expect(got.low).toBeCloseTo(8.4, 1);
    expect(got.high).toBeCloseTo(905.70, 1);
    expect(got.high).toBeLessThanOrEqual(1000);
  });

  // Garwood's upper limit for 1 event is 5.5716: 5 births is the last denominator it passes, 6 the first it does not.
  it('on the boundary: 1 death in 5 births turns exact binomial; in 6 births Garwood stays', () => {
    expect(garwood(1).high).toBeCloseTo(5.5716, 4);
    expect(rateInterval(infant, 1, 5)!.method).toBe('clopper-pearson');
    expect(rateInterval(infant, 1, 5)!.high).toBeLessThan(1000);
    const six = rateInterval(infant, 1, 6)!;
    expect(six.method).toBe('garwood');
    expect(six.high).toBeCloseTo((5.5716 * 1000) / 6, 0);
    expect(six.high).toBeLessThanOrEqual(1000);
  });

  it('Clopper–Pearson agrees with Garwood where events are rare (13 deaths in 3,000 births)', () => {
    const cp = clopperPearson(13, 3000);
    expect(cp.low * 1000).toBeCloseTo(2.31, 1);
    expect(cp.high * 1000).toBeCloseTo(7.41, 1);
  });

  it('at every count of 0 to 12 deaths in 12 births the interval stays in 0–1000‰ and holds the rate', () => {
    for (let x = 0; x <= 12; x++) {
      const got = rateInterval(infant, x, 12)!;
      expect(got.low).toBeGreaterThanOrEqual(0);
      expect(got.high).toBeLessThanOrEqual(1000);
      expect(got.low).toBeLessThanOrEqual((x / 12) * 1000);
      expect(got.high).toBeGreaterThanOrEqual((x / 12) * 1000);
    }
  });
});

describe('a complete count carries no interval, whatever its unit', () => {
  it('694 of 694 schools, 6 of 6 institutions, 283 of 365 days: census, none', () => {
    const census = { measure: 'rate', unit: '%', scale: 100, nature: 'census' } as const;
    expect(intervalMethod(census)).toBeUndefined();
    expect(rateInterval(census, 694, 694)).toBeUndefined();
    expect(rateInterval(census, 283, 365)).toBeUndefined();
    expect(rateInterval({ ...census, unit: '‰', scale: 1000 }, 1, 3)).toBeUndefined();
  });
  it('the same figures as a survey or as events carry one', () => {
    expect(rateInterval({ measure: 'rate', unit: '%', scale: 100, nature: 'survey' }, 283, 365)?.method).toBe('wilson');
    expect(rateInterval({ measure: 'rate', unit: '%', scale: 100, nature: 'events' }, 283, 365)?.method).toBe('wilson');
  });
});

describe('chanceOf: the line against the interval, on the line and one step either side', () => {
  const i: Interval = { low: 2, high: 7, method: 'garwood', level: 0.95 };
  it('a miss of ≤ 4 whose interval reaches 4 is within chance; reaching exactly the line counts', () => {
    expect(chanceOf(i, 4, 'max', false)).toBe('within-chance');
    expect(chanceOf(i, 2, 'max', false)).toBe('within-chance');
    expect(chanceOf(i, 1.99, 'max', false)).toBeUndefined();
  });
  it('a miss of ≥ 95 whose interval reaches 95 is within chance', () => {
    const c: Interval = { low: 92, high: 95, method: 'wilson', level: 0.95 };
    expect(chanceOf(c, 95, 'min', false)).toBe('within-chance');
    expect(chanceOf(c, 95.01, 'min', false)).toBeUndefined();
  });
  it('a met value whose interval reaches past the line is met without confidence', () => {
    expect(chanceOf(i, 7, 'max', true)).toBeUndefined();
    expect(chanceOf(i, 6.99, 'max', true)).toBe('met-uncertain');
    expect(chanceOf({ ...i, low: 95, high: 99 }, 95, 'min', true)).toBeUndefined();
    expect(chanceOf({ ...i, low: 94.99, high: 99 }, 95, 'min', true)).toBe('met-uncertain');
  });
});

describe('verdicts carry the interval and what it says', () => {
  const ind: Partial<Indicator> = { unit: '‰', scale: 1000, direction: 'lower' };
  const atMost4: Target = { kind: 'at-most', value: 4 };

  it('13/3000 against ≤ 4‰: not met (the plan judges the figure), within chance', () => {
    const r = verdictOf(atMost4, [obs({ value: 13 / 3, numerator: 13, denominator: 3000 })], { indicator: ind });
    expect(r.status).toBe('not-met');
    expect(r.chance).toBe('within-chance');
    expect(r.interval).toEqual({ low: expect.closeTo(2.307, 3), high: expect.closeTo(7.41, 2), method: 'garwood', level: 0.95 });
  });

  it('40/5000 against ≤ 4‰: not met, and not within chance', () => {
    const r = verdictOf(atMost4, [obs({ value: 8, numerator: 40, denominator: 5000 })], { indicator: ind });
    expect(r.status).toBe('not-met');
    expect(r.chance).toBeUndefined();
    expect(r.interval?.low).toBeCloseTo(5.715, 3);
  });

  it('11/3000 against ≤ 4‰: met, without confidence; 2/3000: met beyond doubt', () => {
    expect(verdictOf(atMost4, [obs({ value: 11 / 3, numerator: 11, denominator: 3000 })], { indicator: ind }).chance).toBe('met-uncertain');
    const sure = verdictOf(atMost4, [obs({ value: 2 / 3, numerator: 2, denominator: 3000 })], { indicator: ind });
    expect(sure.status).toBe('met');
    expect(sure.chance).toBeUndefined();
    expect(sure.interval).toBeDefined();
  });

  it('a value given without numerator and denominator has no interval', () => {
    const r = verdictOf(atMost4, [obs({ value: 4.33 })], { indicator: ind });
    expect(r.interval).toBeUndefined();
    expect(r.chance).toBeUndefined();
  });

  it('a parent derived Σ/Σ from its districts carries the interval of the sums', () => {
    const r = verdictOf(atMost4, [
      obs({ regionCode: NORTH, value: 5, numerator: 10, denominator: 2000 }),
      obs({ regionCode: SOUTH, value: 3, numerator: 3, denominator: 1000 }),
    ], { indicator: ind, region: CITY });
    expect(r.derived).toBe(true);
    expect(r.interval).toEqual(rateInterval({ measure: 'rate', unit: '‰', scale: 1000, nature: 'events' }, 13, 3000));
    expect(r.chance).toBe('within-chance');
  });

  it('a change target shows the rate’s interval but does not judge the line with it (the baseline has an error of its own)', () => {
    const down20: Target = { kind: 'change', relative: -0.2 };
    const r = verdictOf(down20, [
      obs({ year: 2020, value: 5, numerator: 15, denominator: 3000 }),
      obs({ year: 2023, value: 13 / 3, numerator: 13, denominator: 3000 }),
    ], { indicator: ind });
    expect(r.status).toBe('not-met');
    expect(r.interval?.method).toBe('garwood');
    expect(r.chance).toBeUndefined();
  });

  it('every unit: each unit carries its own interval and verdict of chance; the whole is not judged on its Σ/Σ interval', () => {
    const everyTownship: Target = { kind: 'every-unit', level: 'township', target: { kind: 'at-least', value: 95 } };
    const town = (regionCode: string, x: number, n: number) => obs({ regionCode, value: (x / n) * 100, numerator: x, denominator: n });
    const r = verdictOf(everyTownship, [town(NORTH_A, 66, 70), town(NORTH_B, 990, 1000), town(SOUTH_A, 900, 1000), town(SOUTH_B, 999, 1000)]);
    expect(r.status).toBe('not-met');
    const failing = Object.fromEntries(r.failingUnits!.map((u) => [u.code, u]));
    // 66/70 = 94.3 %: within chance of 95 %; 900/1000 = 90 %: beyond it.
    expect(failing[NORTH_A]!.chance).toBe('within-chance');
    expect(failing[NORTH_A]!.interval?.method).toBe('wilson');
    expect(failing[SOUTH_A]!.chance).toBeUndefined();
    expect(failing[SOUTH_A]!.interval?.high).toBeLessThan(95);
    expect(r.interval).toEqual(rateInterval({ measure: 'rate', unit: '%', scale: 100, nature: 'events' }, 66 + 990 + 900 + 999, 3070));
    expect(r.chance).toBeUndefined();
  });

  it('split: each part carries its own interval and what it says against its own line', () => {
    const byResidence: Target = {
      kind: 'split',
      by: 'residence',
      parts: [
        { part: 'urban', text: '城市社区100', target: { kind: 'at-least', value: 100 } },
        { part: 'rural', text: '农村社区90', target: { kind: 'at-least', value: 90 } },
      ],
    };
    const r = verdictOf(byResidence, [
      obs({ residence: 'urban', value: 100, numerator: 40, denominator: 40 }),
      obs({ residence: 'rural', value: 85, numerator: 17, denominator: 20 }),
    ]);
    expect(r.status).toBe('not-met');
    const [urban, rural] = r.parts!;
    expect(urban!.interval).toEqual({ low: expect.closeTo(91.24, 2), high: 100, method: 'wilson', level: 0.95 });
    expect(urban!.chance).toBe('met-uncertain');
    expect(rural!.chance).toBe('within-chance');
    // The total is derived 57/60 and shows its interval.
    expect(r.interval).toEqual(rateInterval({ measure: 'rate', unit: '%', scale: 100, nature: 'events' }, 57, 60));
  });
});
